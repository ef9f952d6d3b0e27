import Foundation
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing
import TestSupport

/// The console's hand-written QR encoder: its Reed–Solomon codewords, format and version information and capacity
/// against ISO/IEC 18004's published values, and every version it draws read back by Debian's zbarimg.
@Suite struct QRCodeTests {
    /// ISO/IEC 18004 Annex I's example "01234567" at 1-M: its 16 data codewords give these 10 error-correction
    /// codewords.
    @Test func reedSolomonMatchesTheStandardsWorkedExample() {
        let data: [UInt8] = [0x10, 0x20, 0x0C, 0x56, 0x61, 0x80] + Array(repeating: [0xEC, 0x11], count: 5).flatMap { $0 }
        let ecc = ReedSolomon.remainder(of: data, divisor: ReedSolomon.divisor(degree: 10))
        #expect(ecc == [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55])
    }

    /// The format information of level M with each mask, as ISO/IEC 18004 Table C.1 lists it.
    @Test func formatBitsMatchTheStandardsTable() {
        let table = [0b101010000010010, 0b101000100100101, 0b101111001111100, 0b101101101001011,
                     0b100010111111001, 0b100000011001110, 0b100111110010111, 0b100101010100000]
        #expect((0..<8).map { QRMatrix.formatBits(mask: $0) } == table)
    }

    /// The version information of versions 7 to 10, as ISO/IEC 18004 Table D.1 lists it.
    @Test func versionBitsMatchTheStandardsTable() {
        #expect((7...10).map(QRMatrix.versionBits) == [0x07C94, 0x085BC, 0x09A99, 0x0A4D3])
    }

    /// Byte-mode capacity at level M per version (ISO/IEC 18004 Table 7): the smallest version that holds a text
    /// is the one drawn.
    @Test(arguments: zip(1...10, [14, 26, 42, 62, 84, 106, 122, 152, 180, 213]))
    func eachVersionHoldsTheStandardsByteCapacity(version: Int, bytes: Int) throws {
        #expect(try QRCode(encoding: String(repeating: "a", count: bytes)).version == version)
        if version < 10 { #expect(try QRCode(encoding: String(repeating: "a", count: bytes + 1)).version == version + 1) }
        #expect(try QRCode(encoding: String(repeating: "a", count: bytes)).size == 17 + 4 * version)
    }

    /// A text longer than version 10 holds is refused by name, in Chinese and English.
    @Test func aTextTooLongForVersionTenIsRefused() {
        #expect {
            _ = try QRCode(encoding: String(repeating: "a", count: 214))
        } throws: { error in
            let failure = error as? TraceSyncError
            return failure?.code == .qrTextTooLong && failure?.message.zh.contains("213") == true
                && failure?.message.en.contains("213") == true
        }
    }

    /// Texts of every version, the enrollment line and text with Chinese in it, drawn as SVG, rendered to PNG and
    /// scanned by zbarimg, decode to exactly what was encoded. Skipped without zbar-tools unless `CI` is set.
    @Test(.enabled(if: QRDecoder.find() != nil || QRDecoder.required,
                   "zbarimg 未安装，跳过 / zbarimg is not installed: apt-get install zbar-tools librsvg2-bin (set CI=1 to fail instead)"),
          arguments: [
              "field enroll https://market.example.cn:8443 K7Q2-9XWD",
              "x",
              String(repeating: "0123456789abcdef", count: 2),
              String(repeating: "https://h/", count: 6) + "?",
              String((0..<122).map { Character(UnicodeScalar(UInt8(33 + $0 % 90))) }),
              String(repeating: "Z", count: 180),
              String(repeating: "qr", count: 106) + "!",
              "海口市美兰区 field enroll http://127.0.0.1:8080 AB12",
          ])
    func zbarimgReadsBackTheEncodedText(text: String) async throws {
        let decoder = try #require(QRDecoder.find(), "CI 要求 zbarimg / CI requires zbarimg: apt-get install zbar-tools librsvg2-bin")
        let svg = try QRCode(encoding: text).svg(label: text)
        let decoded = try await ProcessRun.withTemporaryDirectory { directory in
            try await decoder.decode(svg: svg, in: directory)
        }
        #expect(decoded == text)
    }
}
