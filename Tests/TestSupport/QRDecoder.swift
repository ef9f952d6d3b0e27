public import Foundation

/// Debian's `zbarimg` (zbar-tools) reading a QR code drawn as SVG, rendered to PNG first with `rsvg-convert`
/// (librsvg2-bin): the check that a code scans, by a decoder nobody here wrote.
public struct QRDecoder: Sendable {
    public let zbarimg: URL
    public let rsvgConvert: URL

    /// Both tools on `PATH`, or nil when either is missing.
    public static func find() -> QRDecoder? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        func locate(_ name: String) -> URL? {
            directories.map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
                .first { FileManager.default.isExecutableFile(atPath: $0.path) }
        }
        guard let zbarimg = locate("zbarimg"), let rsvgConvert = locate("rsvg-convert") else { return nil }
        return QRDecoder(zbarimg: zbarimg, rsvgConvert: rsvgConvert)
    }

    /// True when the tests must have the decoder: in CI (`CI` set), where a missing one is a failure, not a skip.
    public static var required: Bool { ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false }

    /// The text `svg`'s QR code carries, as zbarimg reads it from a PNG rendered at 8 pixels per SVG unit.
    public func decode(svg: String, in directory: URL) async throws -> String {
        let name = UUID().uuidString
        let svgFile = directory.appendingPathComponent("\(name).svg")
        let pngFile = directory.appendingPathComponent("\(name).png")
        try svg.write(to: svgFile, atomically: true, encoding: .utf8)
        defer {
            try? FileManager.default.removeItem(at: svgFile)
            try? FileManager.default.removeItem(at: pngFile)
        }
        let render = try await ProcessRun.run(rsvgConvert, ["-z", "2", "-b", "white", "-o", pngFile.path, svgFile.path],
                                        in: directory)
        guard render.status == 0 else { throw HarnessError("rsvg-convert failed:\n\(render)") }
        let scan = try await ProcessRun.run(zbarimg, ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", pngFile.path],
                                      in: directory)
        guard scan.status == 0 else { throw HarnessError("zbarimg found no QR code:\n\(scan)") }
        return scan.stdout.hasSuffix("\n") ? String(scan.stdout.dropLast()) : scan.stdout
    }
}
