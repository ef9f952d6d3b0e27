/// The grid of a QR code being drawn: which modules are dark and which belong to function patterns (finders,
/// timing, alignment, format and version information) that the data and the mask leave alone.
struct QRMatrix: Sendable {
    /// Modules across and down.
    let size: Int
    /// Dark modules, row by row: `dark[row][column]`.
    private(set) var dark: [[Bool]]
    /// Modules of the function patterns.
    private(set) var reserved: [[Bool]]

    /// An empty grid for `capacity` with its function patterns drawn and the format area reserved.
    init(capacity: QRCapacity) {
        size = capacity.size
        dark = Array(repeating: Array(repeating: false, count: size), count: size)
        reserved = dark
        for index in 0..<size {
            setFunction(row: 6, column: index, index % 2 == 0)
            setFunction(row: index, column: 6, index % 2 == 0)
        }
        drawFinder(row: 3, column: 3)
        drawFinder(row: 3, column: size - 4)
        drawFinder(row: size - 4, column: 3)
        let positions = capacity.alignmentPositions
        for (rowIndex, row) in positions.enumerated() {
            for (columnIndex, column) in positions.enumerated() {
                let last = positions.count - 1
                let nearFinder = (rowIndex == 0 && columnIndex == 0) || (rowIndex == 0 && columnIndex == last)
                    || (rowIndex == last && columnIndex == 0)
                if !nearFinder { drawAlignment(row: row, column: column) }
            }
        }
        drawFormat(mask: 0)
        if capacity.version >= 7 { drawVersion(capacity.version) }
    }

    /// Whether the module at `row`, `column` is dark.
    func isDark(row: Int, column: Int) -> Bool { dark[row][column] }

    private mutating func setFunction(row: Int, column: Int, _ isDark: Bool) {
        dark[row][column] = isDark
        reserved[row][column] = true
    }

    /// A 7×7 finder centred at `row`, `column`, with its light separator where it lies inside the symbol.
    private mutating func drawFinder(row: Int, column: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let (y, x) = (row + dy, column + dx)
                guard (0..<size).contains(y), (0..<size).contains(x) else { continue }
                let distance = max(abs(dx), abs(dy))
                setFunction(row: y, column: x, distance != 2 && distance != 4)
            }
        }
    }

    /// A 5×5 alignment pattern centred at `row`, `column`.
    private mutating func drawAlignment(row: Int, column: Int) {
        for dy in -2...2 {
            for dx in -2...2 { setFunction(row: row + dy, column: column + dx, max(abs(dx), abs(dy)) != 1) }
        }
    }

    /// The 15 format bits for level M and `mask`: the 5 data bits, their BCH(15,5) remainder, XOR 0x5412.
    static func formatBits(mask: Int) -> Int {
        let data = (0b00 << 3) | mask
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        return ((data << 10) | remainder) ^ 0x5412
    }

    /// The 18 version bits: the version and its BCH(18,6) remainder.
    static func versionBits(_ version: Int) -> Int {
        var remainder = version
        for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
        return (version << 12) | remainder
    }

    /// Both copies of the format information for `mask`, and the dark module beside the lower-left finder.
    mutating func drawFormat(mask: Int) {
        let bits = Self.formatBits(mask: mask)
        func bit(_ index: Int) -> Bool { (bits >> index) & 1 == 1 }
        for index in 0...5 { setFunction(row: index, column: 8, bit(index)) }
        setFunction(row: 7, column: 8, bit(6))
        setFunction(row: 8, column: 8, bit(7))
        setFunction(row: 8, column: 7, bit(8))
        for index in 9..<15 { setFunction(row: 8, column: 14 - index, bit(index)) }
        for index in 0..<8 { setFunction(row: 8, column: size - 1 - index, bit(index)) }
        for index in 8..<15 { setFunction(row: size - 15 + index, column: 8, bit(index)) }
        setFunction(row: size - 8, column: 8, true)
    }

    /// Both 6×3 blocks of version information, for versions 7 and up.
    private mutating func drawVersion(_ version: Int) {
        let bits = Self.versionBits(version)
        for index in 0..<18 {
            let isDark = (bits >> index) & 1 == 1
            let (near, far) = (index / 3, size - 11 + index % 3)
            setFunction(row: near, column: far, isDark)
            setFunction(row: far, column: near, isDark)
        }
    }

    /// `codewords` placed in the zig-zag of two-module columns from the lower right, skipping function modules
    /// and the vertical timing column; modules left over stay light.
    mutating func place(_ codewords: [UInt8]) {
        var bitIndex = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            let upward = (right + 1) & 2 == 0
            for step in 0..<size {
                let row = upward ? size - 1 - step : step
                for column in [right, right - 1] where !reserved[row][column] && bitIndex < codewords.count * 8 {
                    dark[row][column] = (codewords[bitIndex >> 3] >> (7 - (bitIndex & 7))) & 1 == 1
                    bitIndex += 1
                }
            }
            right -= 2
        }
    }

    /// Whether data mask `mask` (0…7) flips the module at `row`, `column`.
    static func maskFlips(_ mask: Int, row: Int, column: Int) -> Bool {
        let (i, j) = (row, column)
        switch mask {
        case 0: return (i + j) % 2 == 0
        case 1: return i % 2 == 0
        case 2: return j % 3 == 0
        case 3: return (i + j) % 3 == 0
        case 4: return (i / 2 + j / 3) % 2 == 0
        case 5: return (i * j) % 2 + (i * j) % 3 == 0
        case 6: return ((i * j) % 2 + (i * j) % 3) % 2 == 0
        default: return ((i + j) % 2 + (i * j) % 3) % 2 == 0
        }
    }

    /// The grid with data mask `mask` applied to every module outside the function patterns (applying it twice
    /// undoes it).
    mutating func apply(mask: Int) {
        for row in 0..<size {
            for column in 0..<size where !reserved[row][column] && Self.maskFlips(mask, row: row, column: column) {
                dark[row][column].toggle()
            }
        }
    }
}
