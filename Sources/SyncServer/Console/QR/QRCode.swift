import SyncCore
import CentralCore
import CentralSQLite

/// A QR code (ISO/IEC 18004) for a short text: byte mode, error-correction level M, the smallest of versions 1–10
/// that holds it, and the data mask with the lowest penalty. Hand-written because no QR package is among the
/// project's allowed dependencies; enrollment codes for the console need no more than this.
struct QRCode: Sendable {
    /// The version drawn, 1…10.
    let version: Int
    /// The data mask chosen, 0…7.
    let mask: Int
    /// The finished grid, without the quiet zone.
    let matrix: QRMatrix

    /// Modules across and down, without the quiet zone.
    var size: Int { matrix.size }

    /// The code for `text`'s UTF-8 bytes.
    /// - Throws: `TraceSyncError` `qr_text_too_long` when the text needs more than version 10 holds (213 bytes).
    init(encoding text: String) throws {
        let bytes = Array(text.utf8)
        guard let capacity = (1...QRCapacity.maximumVersion).lazy.map(QRCapacity.init(version:))
            .first(where: { $0.fits(byteCount: bytes.count) })
        else {
            throw TraceSyncError(
                .qrTextTooLong, field: "text",
                zh: "二维码内容过长（\(bytes.count) 字节），最多 213 字节；请缩短服务器地址。",
                en: "The QR code text is too long (\(bytes.count) bytes); at most 213 fit. Use a shorter server URL.")
        }
        let codewords = QRCodewords.interleaved(QRCodewords.data(bytes, capacity: capacity), capacity: capacity)
        var grid = QRMatrix(capacity: capacity)
        grid.place(codewords)
        let masked = (0..<8).map { mask in
            var candidate = grid
            candidate.apply(mask: mask)
            candidate.drawFormat(mask: mask)
            return (mask: mask, matrix: candidate, penalty: candidate.penalty)
        }
        let best = masked.min { $0.penalty < $1.penalty } ?? masked[0]
        version = capacity.version
        mask = best.mask
        matrix = best.matrix
    }
}
