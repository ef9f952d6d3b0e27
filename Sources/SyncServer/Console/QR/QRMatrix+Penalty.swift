/// The penalty score of a masked QR grid (ISO/IEC 18004 §7.8.3): the mask with the lowest score is drawn.
extension QRMatrix {
    /// The sum of the four rules: runs of five or more same-coloured modules in a row or column (3 + the length
    /// over five), 2×2 blocks of one colour (3 each), finder-like 1:1:3:1:1 patterns with four light modules on
    /// one side (40 each), and the dark share's distance from half (10 per 5 %).
    var penalty: Int {
        var score = 0
        let lines = (0..<size).map { row in (0..<size).map { isDark(row: row, column: $0) } }
            + (0..<size).map { column in (0..<size).map { isDark(row: $0, column: column) } }
        for line in lines {
            score += Self.runPenalty(line) + Self.finderLikePenalty(line)
        }
        for row in 0..<size - 1 {
            for column in 0..<size - 1 {
                let colour = isDark(row: row, column: column)
                if isDark(row: row, column: column + 1) == colour, isDark(row: row + 1, column: column) == colour,
                   isDark(row: row + 1, column: column + 1) == colour {
                    score += 3
                }
            }
        }
        let darkCount = lines.prefix(size).reduce(0) { $0 + $1.filter { $0 }.count }
        let total = size * size
        score += ((abs(darkCount * 20 - total * 10) + total - 1) / total - 1) * 10
        return score
    }

    /// Rule 1 along one line.
    private static func runPenalty(_ line: [Bool]) -> Int {
        var score = 0
        var runLength = 0
        for (index, module) in line.enumerated() {
            runLength = index > 0 && line[index - 1] == module ? runLength + 1 : 1
            if runLength == 5 { score += 3 } else if runLength > 5 { score += 1 }
        }
        return score
    }

    /// Rule 3 along one line: dark-light-dark×3-light-dark with four light modules before or after it.
    private static func finderLikePenalty(_ line: [Bool]) -> Int {
        let pattern: [Bool] = [true, false, true, true, true, false, true]
        let light = [Bool](repeating: false, count: 4)
        let before = light + pattern
        let after = pattern + light
        var score = 0
        guard line.count >= before.count else { return 0 }
        for start in 0...(line.count - before.count) {
            let window = Array(line[start..<start + before.count])
            if window == before { score += 40 }
            if window == after { score += 40 }
        }
        return score
    }
}
