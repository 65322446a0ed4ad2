/// Words that end or break a candidate key phrase.
///
/// The default list is scikit-learn's `ENGLISH_STOP_WORDS` (318 words, from the Glasgow
/// Information Retrieval Group's list) minus the content words that list has but that name
/// research topics ("system", "computer", "interest", "fire", "bill", "mill", "thick",
/// "thin", "front", "bottom", "side", "empty", "full", "detail", "name", "cry"), plus a few
/// function words it lacks ("can't"-style contractions, "e.g", "i.e", "et", "al", "vs",
/// "via"…) and academic boilerplate of titles and abstracts ("paper", "propose",
/// "approach", "method", "results", "show", "novel", "state-of-the-art"…; see
/// `StopWords.academic`).
///
/// Membership is tested on the lower-cased token as written (not on its stem), so "method"
/// and "methods" are both listed.
public struct StopWords: Sendable {
    public private(set) var words: Set<String>

    /// The default English + academic list.
    public init() { words = StopWords.english.union(StopWords.academic) }

    /// A custom list (lower-cased on the way in).
    public init<S: Sequence>(_ words: S) where S.Element == String {
        self.words = Set(words.map { $0.lowercased() })
    }

    /// Whether `word` (lower-cased) is a stop word.
    /// - Complexity: O(length of the word) (one hash lookup).
    @inlinable public func contains(_ word: String) -> Bool { words.contains(word) }

    public mutating func insert(_ word: String) { words.insert(word.lowercased()) }
    public mutating func remove(_ word: String) { words.remove(word.lowercased()) }

    /// scikit-learn's `ENGLISH_STOP_WORDS` without its topic-bearing nouns, plus
    /// contractions and Latin abbreviations common in abstracts.
    public static let english: Set<String> = [
        "a", "about", "above", "across", "after", "afterwards", "again", "against", "all",
        "almost", "alone", "along", "already", "also", "although", "always", "am", "among",
        "amongst", "amoungst", "amount", "an", "and", "another", "any", "anyhow", "anyone",
        "anything", "anyway", "anywhere", "are", "around", "as", "at", "back", "be", "became",
        "because", "become", "becomes", "becoming", "been", "before", "beforehand", "behind",
        "being", "below", "beside", "besides", "between", "beyond", "both", "but", "by",
        "call", "can", "cannot", "cant", "co", "con", "could", "couldnt", "de", "describe",
        "do", "done", "down", "due", "during", "each", "eg", "eight", "either", "eleven",
        "else", "elsewhere", "enough", "etc", "even", "ever", "every", "everyone",
        "everything", "everywhere", "except", "few", "fifteen", "fifty", "fill", "find",
        "first", "five", "for", "former", "formerly", "forty", "found", "four", "from",
        "further", "get", "give", "go", "had", "has", "hasnt", "have", "he", "hence", "her",
        "here", "hereafter", "hereby", "herein", "hereupon", "hers", "herself", "him",
        "himself", "his", "how", "however", "hundred", "i", "ie", "if", "in", "inc",
        "indeed", "into", "is", "it", "its", "itself", "keep", "last", "latter", "latterly",
        "least", "less", "ltd", "made", "many", "may", "me", "meanwhile", "might", "mine",
        "more", "moreover", "most", "mostly", "move", "much", "must", "my", "myself",
        "namely", "neither", "never", "nevertheless", "next", "nine", "no", "nobody", "none",
        "noone", "nor", "not", "nothing", "now", "nowhere", "of", "off", "often", "on",
        "once", "one", "only", "onto", "or", "other", "others", "otherwise", "our", "ours",
        "ourselves", "out", "over", "own", "part", "per", "perhaps", "please", "put",
        "rather", "re", "same", "see", "seem", "seemed", "seeming", "seems", "serious",
        "several", "she", "should", "show", "since", "sincere", "six", "sixty", "so", "some",
        "somehow", "someone", "something", "sometime", "sometimes", "somewhere", "still",
        "such", "take", "ten", "than", "that", "the", "their", "them", "themselves", "then",
        "thence", "there", "thereafter", "thereby", "therefore", "therein", "thereupon",
        "these", "they", "third", "this", "those", "though", "three", "through",
        "throughout", "thru", "thus", "to", "together", "too", "top", "toward", "towards",
        "twelve", "twenty", "two", "un", "under", "until", "up", "upon", "us", "very", "via",
        "was", "we", "well", "were", "what", "whatever", "when", "whence", "whenever",
        "where", "whereafter", "whereas", "whereby", "wherein", "whereupon", "wherever",
        "whether", "which", "while", "whither", "who", "whoever", "whole", "whom", "whose",
        "why", "will", "with", "within", "without", "would", "yet", "you", "your", "yours",
        "yourself", "yourselves",
        // Additions: contractions, abbreviations, SMART-list function words.
        "i.e", "e.g", "et", "al", "vs", "cf", "aren't", "can't", "couldn't",
        "didn't", "doesn't", "don't", "hadn't", "hasn't", "haven't", "isn't", "it's",
        "let's", "shouldn't", "that's", "there's", "wasn't", "weren't", "won't",
        "wouldn't", "does", "did", "doing", "having", "just", "like", "unlike", "whose",
        "able", "according", "accordingly", "actually", "almost", "already", "anybody",
        "apart", "appear", "appropriate", "available", "away", "certain", "certainly",
        "clearly", "consequently", "despite", "else", "especially", "example", "far",
        "following", "given", "gives", "goes", "going", "greater", "hardly", "instead",
        "itself", "largely", "likely", "mainly", "merely", "nearly", "necessarily", "need",
        "needs", "non", "overall", "particular", "particularly", "possible", "possibly",
        "previously", "quite", "rarely", "really", "regarding", "relatively", "respectively",
        "roughly", "similarly", "simply", "so-called", "specific", "specifically",
        "strongly", "substantially", "sufficiently", "thereof", "typically", "upon",
        "usually", "various", "whereby", "widely", "yields",
    ]

    /// Boilerplate of scientific titles and abstracts: verbs of reporting, evaluative
    /// adjectives and generic nouns that would otherwise top every paper's term list.
    public static let academic: Set<String> = [
        "paper", "papers", "article", "propose", "proposes", "proposed", "proposing",
        "approach", "approaches", "method", "methods", "methodology", "result", "results",
        "resulting", "show", "shows", "showed", "shown", "showing", "novel", "present",
        "presents", "presented", "presenting", "using", "use", "used", "uses", "based",
        "also", "however", "work", "works", "new", "study", "studies", "studied", "demonstrate",
        "demonstrates", "demonstrated", "demonstrating", "introduce", "introduces",
        "introduced", "introducing", "investigate", "investigates", "investigated",
        "achieve", "achieves", "achieved", "achieving", "significant", "significantly",
        "existing", "different", "effective", "effectively", "furthermore", "additionally",
        "finally", "notably", "recently", "recent", "state-of-the-art", "experiments",
        "experimental", "extensive", "extensively", "outperform", "outperforms",
        "outperformed", "outperforming", "compared", "compare", "comparison", "allows",
        "allow", "enables", "enable", "enabling", "provide", "provides", "provided",
        "providing", "key", "main", "important", "challenge", "challenges", "challenging",
        "prior", "improve", "improves", "improved", "improving", "improvement",
        "improvements", "better", "best", "large-scale", "range",
        "variety", "number", "set", "way", "ways", "make", "makes", "making", "lead", "leads",
        "leading", "perform", "performs", "performed", "address", "addresses", "addressed",
        "focus", "focuses", "aim", "aims", "able", "potential", "thereby", "thus", "yet",
        "often", "first", "second", "well", "via", "across", "among", "within", "without",
        "believe", "conduct", "conducted", "consider", "considered", "considering", "describe",
        "describes", "described", "develop", "develops", "developed", "explore", "explores",
        "explored", "find", "finds", "found", "findings", "observe", "observed", "obtain",
        "obtained", "report", "reports", "reported", "suggest", "suggests", "suggested",
        "available", "publicly", "github", "https", "http", "www", "com", "org",
        "arxiv", "doi", "fig", "figure", "table", "section", "sections", "respectively",
        "including", "include", "includes", "included", "terms",
        "term", "task-specific", 
    ]
}
