"""What the evaluation scripts share: where the shared datasets are, and an XML parse that
knows the HTML character entities (the files' DTDs are not read)."""
import html.entities, os, sys
import xml.etree.ElementTree as ET

# The data folder: the first argument, else ../shared/data beside the repository.
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "data")


def parse_xml(path):
    """The root element of the XML file at `path`, with HTML character entities resolved."""
    parser = ET.XMLParser()
    parser.entity.update({k: chr(v) for k, v in html.entities.name2codepoint.items()})
    return ET.parse(path, parser).getroot()
