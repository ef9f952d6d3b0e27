import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SyncCore
import CentralCore
import CentralSQLite

/// Reads a new password for `admin user add|passwd`: at a terminal, twice, from a prompt that does not echo;
/// otherwise the first line of standard input. Never from an argument, never printed or logged.
enum PasswordInput {
    /// The new password of the user `name`.
    /// - Throws: `TraceSyncError` `missing_password` when standard input is empty, `password_mismatch` when the two
    ///   typed at a terminal differ.
    static func read(for name: String) throws -> String {
        guard isatty(STDIN_FILENO) == 1 else {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else { throw missing }
            return line
        }
        let first = try prompt("\(name) 的新密码 / new password for \(name): ")
        let second = try prompt("再输入一次 / again: ")
        guard first == second else {
            throw TraceSyncError(.passwordMismatch, field: "password",
                                 zh: "两次输入的密码不一致：请重新运行命令。",
                                 en: "the two passwords differ: run the command again.")
        }
        return first
    }

    /// Prints `text` to standard error and reads a line with the terminal's echo off.
    private static func prompt(_ text: String) throws -> String {
        FileHandle.standardError.write(Data(text.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true), !line.isEmpty else { throw missing }
        return line
    }

    private static let missing = TraceSyncError(
        .missingPassword, field: "password",
        zh: "没有读到密码：请在提示时输入，或从标准输入传入，如 sync-server admin user passwd admin < password.txt。",
        en: "no password was read: type it at the prompt, or give it on standard input, e.g. sync-server admin user passwd admin < password.txt."
    )
}
