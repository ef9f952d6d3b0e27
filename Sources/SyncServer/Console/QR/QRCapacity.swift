/// How a QR code version at error-correction level M splits its codewords (ISO/IEC 18004 Table 9), for the
/// versions this encoder draws: 1 to 10, up to 213 bytes of text.
struct QRCapacity: Sendable {
    /// The version, 1…10; the symbol is 17 + 4·version modules wide.
    let version: Int
    /// Error-correction codewords in each block.
    let eccPerBlock: Int
    /// Blocks the codewords are split into.
    let blocks: Int

    /// The largest version drawn.
    static let maximumVersion = 10

    /// Level M's split for `version`.
    init(version: Int) {
        precondition((1...Self.maximumVersion).contains(version), "QR version out of range")
        self.version = version
        eccPerBlock = [10, 16, 26, 18, 24, 16, 18, 22, 22, 26][version - 1]
        blocks = [1, 1, 1, 2, 2, 4, 4, 4, 5, 5][version - 1]
    }

    /// Modules across.
    var size: Int { version * 4 + 17 }

    /// All codewords the symbol holds: its modules less the function patterns and format and version information,
    /// in whole bytes.
    var totalCodewords: Int {
        var modules = (16 * version + 128) * version + 64
        if version >= 2 {
            let alignments = version / 7 + 2
            modules -= (25 * alignments - 10) * alignments - 55
            if version >= 7 { modules -= 36 }
        }
        return modules / 8
    }

    /// The codewords left for data.
    var dataCodewords: Int { totalCodewords - eccPerBlock * blocks }

    /// Bits of the byte-mode character count: 8 up to version 9, 16 from version 10.
    var countBits: Int { version <= 9 ? 8 : 16 }

    /// Whether `byteCount` bytes fit in byte mode: the 4-bit mode, the count and the bytes.
    func fits(byteCount: Int) -> Bool {
        byteCount < (1 << countBits) && 4 + countBits + byteCount * 8 <= dataCodewords * 8
    }

    /// Positions (row and column alike) of the alignment patterns' centres.
    var alignmentPositions: [Int] {
        guard version >= 2 else { return [] }
        let count = version / 7 + 2
        let step = (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2
        var positions = [6]
        for index in 1..<count { positions.append(size - 7 - (count - 1 - index) * step) }
        return positions
    }
}
