import CiteGraph
print("citegraph")
