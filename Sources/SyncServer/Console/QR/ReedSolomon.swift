/// Reed–Solomon error correction over GF(2⁸) with the QR code's field polynomial x⁸+x⁴+x³+x²+1 (0x11D) and
/// generator roots α⁰…αⁿ⁻¹ (ISO/IEC 18004 §7.5.2).
enum ReedSolomon {
    /// The product of two field elements (Russian-peasant multiplication reduced by 0x11D).
    static func multiply(_ x: UInt8, _ y: UInt8) -> UInt8 {
        var product = 0
        for bit in stride(from: 7, through: 0, by: -1) {
            product = (product << 1) ^ ((product >> 7) * 0x11D)
            product ^= ((Int(y) >> bit) & 1) * Int(x)
        }
        return UInt8(product)
    }

    /// The coefficients of the generator polynomial of `degree` without its leading 1, highest power first.
    static func divisor(degree: Int) -> [UInt8] {
        precondition((1...255).contains(degree), "Reed–Solomon degree out of range")
        var result = [UInt8](repeating: 0, count: degree)
        result[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for index in result.indices {
                result[index] = multiply(result[index], root)
                if index + 1 < result.count { result[index] ^= result[index + 1] }
            }
            root = multiply(root, 0x02)
        }
        return result
    }

    /// The error-correction codewords of `data`: the remainder of data·xⁿ divided by the generator `divisor`.
    static func remainder(of data: [UInt8], divisor: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: divisor.count)
        for byte in data {
            let factor = byte ^ result.removeFirst()
            result.append(0)
            for index in result.indices { result[index] ^= multiply(divisor[index], factor) }
        }
        return result
    }
}
