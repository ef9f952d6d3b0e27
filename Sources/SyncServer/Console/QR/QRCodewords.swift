/// The codeword sequence of a QR code: the text in byte mode, terminated and padded, split into blocks, each
/// block's Reed–Solomon codewords added, and all interleaved (ISO/IEC 18004 §7.4 and §7.6).
enum QRCodewords {
    /// The data codewords of `bytes` in byte mode for `capacity`: mode 0100, the count, the bytes, up to four
    /// zero bits, zeros to a byte boundary, then the pad bytes 0xEC 0x11 in turn.
    static func data(_ bytes: [UInt8], capacity: QRCapacity) -> [UInt8] {
        var bits: [Bool] = []
        func append(_ value: Int, count: Int) {
            for bit in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> bit) & 1 == 1) }
        }
        append(0b0100, count: 4)
        append(bytes.count, count: capacity.countBits)
        for byte in bytes { append(Int(byte), count: 8) }
        let capacityBits = capacity.dataCodewords * 8
        append(0, count: min(4, capacityBits - bits.count))
        append(0, count: (8 - bits.count % 8) % 8)
        var codewords = stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<start + 8].reduce(UInt8(0)) { ($0 << 1) | ($1 ? 1 : 0) }
        }
        var pad: UInt8 = 0xEC
        while codewords.count < capacity.dataCodewords {
            codewords.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return codewords
    }

    /// `data` split into the version's blocks (the short blocks first, the long ones one codeword longer), each
    /// with its error-correction codewords, interleaved: the data codewords column by column, then the
    /// error-correction codewords the same way.
    static func interleaved(_ data: [UInt8], capacity: QRCapacity) -> [UInt8] {
        let shortBlocks = capacity.blocks - capacity.totalCodewords % capacity.blocks
        let shortDataLength = capacity.totalCodewords / capacity.blocks - capacity.eccPerBlock
        let divisor = ReedSolomon.divisor(degree: capacity.eccPerBlock)
        var dataBlocks: [[UInt8]] = []
        var eccBlocks: [[UInt8]] = []
        var start = 0
        for index in 0..<capacity.blocks {
            let length = shortDataLength + (index < shortBlocks ? 0 : 1)
            let block = Array(data[start..<start + length])
            start += length
            dataBlocks.append(block)
            eccBlocks.append(ReedSolomon.remainder(of: block, divisor: divisor))
        }
        var result: [UInt8] = []
        for column in 0...shortDataLength {
            for block in dataBlocks where column < block.count { result.append(block[column]) }
        }
        for column in 0..<capacity.eccPerBlock {
            for block in eccBlocks { result.append(block[column]) }
        }
        return result
    }
}
