import Testing
@testable import CiteGraphText

@Suite("Tokenizer and stop words")
struct TokenizerTests {
    let tokenizer = Tokenizer()

    func words(_ text: String) -> [String] { tokenizer.tokenize(text).map(\.text) }

    @Test func keepsHyphenatedWordsAndDigitsInsideWords() {
        #expect(words("Graph-based Self-Attention for GPT-4 with L2 loss and 3D scenes")
            == ["graph-based", "self-attention", "for", "gpt-4", "with", "l2", "loss", "and", "3d", "scenes"])
        #expect(words("state-of-the-art results") == ["state-of-the-art", "results"])
    }

    @Test func dropsNumbersAndPunctuation() {
        #expect(words("We achieved 99.92% accuracy on 31,465 nodes (2024) -- a 5x gain.")
            == ["we", "achieved", "accuracy", "on", "nodes", "a", "5x", "gain"])
    }

    @Test func unicodeWordsAreKeptAndNormalised() {
        #expect(words("Padé approximants and naïve Bayes; Schrödinger bridges") == ["padé", "approximants", "and", "naïve", "bayes", "schrödinger", "bridges"])
        // Decomposed "e" + combining acute gives the same token as the precomposed "é".
        let decomposed = tokenizer.tokenize("Pade\u{301}")
        #expect(decomposed.count == 1)
        #expect(decomposed.first?.text == "padé")
        #expect(Array(decomposed[0].text.unicodeScalars) == Array("padé".unicodeScalars))
    }

    @Test func latexRemnantsAreStripped() {
        #expect(words(#"robustness in $\ell_\infty$ norm with rate $O(k^{-3})$"#)
            == ["robustness", "in", "norm", "with", "rate", "o", "k"])
        #expect(words(#"the \emph{lottery ticket} hypothesis \cite{frankle2019} and \textbf{pruning}"#)
            == ["the", "lottery", "ticket", "hypothesis", "and", "pruning"])
        #expect(words(#"93.70\% top-1 accuracy, Fr\'echet distance, \\ and {braces}~here"#)
            == ["top-1", "accuracy", "fr", "echet", "distance", "and", "braces", "here"])
        // Unbalanced TeX does not crash.
        _ = tokenizer.tokenize(#"$\frac{1}{2 \cite{ unterminated \"#)
        _ = tokenizer.tokenize("\\")
        _ = tokenizer.tokenize("")
    }

    @Test func possessivesAndContractions() {
        #expect(words("the network's depth and LRP's guarantees; don't") == ["the", "network", "depth", "and", "lrp", "guarantees", "don't"])
    }

    @Test func phraseAndSentenceBoundaries() {
        let tokens = tokenizer.tokenize("Deep learning, graph neural networks; and (GNNs). Next sentence: done!\n\nTitle two")
        let phrases = tokens.map(\.phrase)
        let sentences = tokens.map(\.sentence)
        // deep learning | graph neural networks | and | GNNs | next sentence | done | title two
        #expect(tokens.map(\.text) == ["deep", "learning", "graph", "neural", "networks", "and", "gnns", "next", "sentence", "done", "title", "two"])
        #expect(phrases == [0, 0, 1, 1, 1, 2, 3, 4, 4, 5, 6, 6])
        #expect(sentences == [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2])
        let gnns = tokens[6]
        #expect(gnns.original == "GNNs")
        #expect(gnns.flags == [.openParenBefore, .closeParenAfter])
    }

    @Test func singleLineBreaksAreSpacesButBlankLinesEndSentences() {
        let tokens = tokenizer.tokenize("graph neural\nnetworks\n\nlayer norm")
        #expect(tokens.map(\.phrase) == [0, 0, 0, 1, 1])
        #expect(tokens.map(\.sentence) == [0, 0, 0, 1, 1])
        let titled = tokenizer.tokenize(title: "Layer Normalization", abstract: "Training is costly.")
        #expect(titled.map(\.sentence) == [0, 0, 1, 1, 1])
    }

    @Test func dashesAndSlashesEndPhrases() {
        let tokens = tokenizer.tokenize("fast -- and slow — naive/vanilla - models")
        #expect(tokens.map(\.text) == ["fast", "and", "slow", "naive", "vanilla", "models"])
        #expect(Set(tokens.map(\.phrase)).count == 5)
    }

    @Test func stopWordsCoverEnglishAndAcademicBoilerplate() {
        let stop = StopWords()
        for w in ["the", "of", "however", "paper", "propose", "approach", "method", "results", "show", "novel", "present", "using", "based", "also", "work", "new", "study", "state-of-the-art"] {
            #expect(stop.contains(w), "\(w)")
        }
        for w in ["system", "computer", "network", "graph", "learning", "normalization"] {
            #expect(!stop.contains(w), "\(w)")
        }
        #expect(StopWords.english.count >= 300)
    }
}
