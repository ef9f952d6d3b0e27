import Foundation

/// A one-line progress bar on standard error, drawn only when it is a terminal.
final class ProgressBar {
    private let enabled: Bool
    private let label: String
    private var lastDrawn = -1

    init(enabled: Bool, label: String = "") {
        self.enabled = enabled && isatty(STDERR_FILENO) != 0
        self.label = label.isEmpty ? "" : label + " "
    }

    func show(_ done: Int, of total: Int) {
        guard enabled, total > 0 else { return }
        let width = 30
        let filled = done * width / total
        let percent = done * 100 / total
        guard percent != lastDrawn else { return }
        lastDrawn = percent
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label)\(bar) \(percent)% \(done)/\(total)".utf8))
    }

    func finish() {
        guard enabled, lastDrawn >= 0 else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
