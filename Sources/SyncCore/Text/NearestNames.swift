/// The names nearest to one a person typed, to suggest when a lookup refuses it (`五花内` → 五花肉, `澄迈` → 澄迈县,
/// `recieve` → receive).
///
/// Names are compared after folding what a tired hand types differently: full-width ASCII (brackets `（）`, letters,
/// digits) is read as ASCII, the ideographic space as a space, and Latin letters case-insensitively. Nearness is the
/// edit distance with adjacent swaps counted as one edit (optimal string alignment), over characters, so one
/// mistyped Chinese character is one edit; a name that contains what was typed (a shop's short name) is also near.
public enum NearestNames {
    /// Up to `limit` of `candidates` near `typed`, nearest first (ties in the candidates' order); none when nothing
    /// is close enough to be a likely meaning.
    public static func suggestions(for typed: String, among candidates: some Sequence<String>, limit: Int = 3) -> [String] {
        let key = folded(typed)
        guard !key.isEmpty else { return [] }
        let allowed = max(1, key.count / 3)
        var scored: [(name: String, distance: Int, order: Int)] = []
        var seen: Set<String> = []
        for (order, name) in candidates.enumerated() where seen.insert(name).inserted {
            let candidate = folded(name)
            guard candidate != key || name != typed else { continue }
            var distance = editDistance(key, candidate)
            if distance > allowed, key.count >= 2, candidate.contains(key) { distance = allowed }
            if distance <= allowed { scored.append((name, distance, order)) }
        }
        return scored.sorted { ($0.distance, $0.order) < ($1.distance, $1.order) }.prefix(limit).map(\.name)
    }

    /// The suggestions as a clause to append to a refusal: `是否想输入「五花肉」？` / ` Did you mean "五花肉"?` (the
    /// English with its leading space), or empty text when there are none.
    public static func clause(for typed: String, among candidates: some Sequence<String>) -> LocalizedText {
        let names = suggestions(for: typed, among: candidates)
        guard !names.isEmpty else { return LocalizedText(zh: "", en: "") }
        return LocalizedText(
            zh: "是否想输入" + names.map { "「\($0)」" }.joined(separator: "或") + "？",
            en: " Did you mean " + names.map { "\"\($0)\"" }.joined(separator: " or ") + "?"
        )
    }

    /// `text` with full-width ASCII read as ASCII, the ideographic space as a space, lower-cased and trimmed.
    static func folded(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E: result.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x3000: result.append(" ")
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result.trimmingSpaces.lowercased()
    }

    /// The optimal-string-alignment distance between `a` and `b`: insertions, deletions, substitutions and swaps of
    /// two adjacent characters each count one.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
