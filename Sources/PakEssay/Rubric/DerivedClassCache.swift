/// Words' derived classes (`LanguagePattern.Derived` bits, as the language patterns' matcher packs them: the
/// lowercase reading in the low 32 bits, the capitalised in the high) by their key, worked out once per process for
/// every answer graded with one lexicon: they depend on the word and the lexicon alone, and the common
/// words of one answer are those of the next.
///
/// It keeps the word beginnings that decide 'a' or 'an' too, read from the word classes once. Workers
/// grading in parallel share it under a lock; a lexicon whose word classes or proper nouns change starts a
/// new one.
final class DerivedClassCache: @unchecked Sendable {
    /// Allocated when the first word is added: loading a lexicon makes and drops two caches as it sets the
    /// word classes and proper nouns, and a table made ready for 4,096 words is 192 KB of zeroed memory,
    /// about 50 page faults each time.
    private var values = WordKeyMap<UInt64>()
    /// Room for the words of a first answer before the table first grows (a typical answer adds about 100).
    static let firstCapacity = 256
    private let lock = SemaphoreLock()
    /// The most words kept: past it, new words are worked out per answer only.
    static let limit = 1 << 16

    private var lists: WordBeginnings?

    /// The word beginnings that decide 'a' or 'an', read from the classes once.
    func anLists(_ classes: WordClasses) -> WordBeginnings {
        lock.run {
            if let lists { return lists }
            let made = WordBeginnings(classes)
            lists = made
            return made
        }
    }

    /// What is known of a word's classes (0: nothing).
    subscript(key: UInt64) -> UInt64 {
        lock.run { values[key] ?? 0 }
    }

    /// Adds what an answer worked out of a word's classes: the bits of a reading worked out with its
    /// stems hold those worked out without, so the two are joined.
    func merge(_ key: UInt64, _ bits: UInt64) {
        lock.run {
            if let known = values[key] {
                values[key] = known | bits
            } else if values.count < Self.limit {
                if values.count == 0 { values = WordKeyMap(capacity: Self.firstCapacity) }
                values[key] = bits
            }
        }
    }
}
