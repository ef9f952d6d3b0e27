import ArgumentParser
import Foundation
import SyncCore

/// A command line the argument parser refused, explained in both languages.
///
/// The parser words its messages in English only; the common ones (a missing argument or option value, an unknown
/// option, extra arguments, a value it cannot read) are given a Chinese wording here, others keep a general Chinese
/// line before the parser's English. A word where a subcommand belongs that is none of them is reported with the
/// nearest subcommand names (`recieve` → `field receive`).
struct UsageRefusal {
    /// What is wrong, in both languages.
    let message: LocalizedText
    /// The parser's usage lines and help hint for the command being parsed.
    let usage: String

    init(error: any Error, arguments: [String], root: any ParsableCommand.Type) {
        usage = root.fullMessage(for: error).components(separatedBy: "\n").dropFirst().joined(separator: "\n")
            .trimmingCharacters(in: .newlines)
        if let mistyped = Self.mistypedSubcommand(arguments, root: root) {
            message = mistyped
        } else {
            message = Self.localized(root.message(for: error))
        }
    }

    /// Prints the refusal: to standard error for people, as `{"error": …}` on standard output for scripts.
    func print(language: Language, json: Bool) {
        if json {
            let output = Output(language: language, json: true)
            _ = output.fail(code: "usage", field: nil, message: message)
            return
        }
        var lines = language == .zh ? ["错误：" + message.zh, "error: " + message.en] : ["error: " + message.en]
        if !usage.isEmpty { lines.append(usage) }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// The output language: `--lang` on the command line, else `FIELD_LANG`, else Chinese.
    static func language(_ arguments: [String]) -> Language {
        for (index, argument) in arguments.enumerated() {
            if argument.hasPrefix("--lang=") { return Language(rawValue: String(argument.dropFirst(7))) ?? .zh }
            if argument == "--lang", index + 1 < arguments.count { return Language(rawValue: arguments[index + 1]) ?? .zh }
        }
        return ProcessInfo.processInfo.environment["FIELD_LANG"].flatMap(Language.init) ?? .zh
    }

    /// The refusal of a word standing where a subcommand belongs that names none, with the nearest names.
    static func mistypedSubcommand(_ arguments: [String], root: any ParsableCommand.Type) -> LocalizedText? {
        var command = root
        var path = [root._commandName]
        var words = arguments[...]
        while let word = words.popFirst() {
            if word.hasPrefix("-") {
                if ["--db", "--lang"].contains(word) { _ = words.popFirst() }
                continue
            }
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty else { return nil }
            if let next = subcommands.first(where: { $0._commandName == word || $0.configuration.aliases.contains(word) }) {
                command = next
                path.append(word)
                continue
            }
            let names = subcommands.map { $0._commandName }
            let near = NearestNames.suggestions(for: word, among: names)
            let list = near.isEmpty ? names : near
            let parent = path.joined(separator: " ")
            return LocalizedText(
                zh: "没有子命令「\(word)」。" + (near.isEmpty ? "可用：" : "是否想输入：")
                    + list.map { "\(parent) \($0)" }.joined(separator: "、") + (near.isEmpty ? "。" : "？"),
                en: "no subcommand \"\(word)\". " + (near.isEmpty ? "Available: " : "Did you mean ")
                    + list.map { "`\(parent) \($0)`" }.joined(separator: near.isEmpty ? ", " : " or ") + (near.isEmpty ? "." : "?")
            )
        }
        return nil
    }

    /// The parser's `message` in both languages. Our own `ValidationError`s are worded `中文 / English` already and
    /// are split at the first ` / `; the parser's English gets a Chinese wording.
    static func localized(_ message: String) -> LocalizedText {
        guard containsChinese(message) else { return LocalizedText(zh: chinese(for: message), en: message) }
        guard let slash = message.range(of: " / ") else { return LocalizedText(zh: message, en: message) }
        return LocalizedText(zh: String(message[..<slash.lowerBound]), en: String(message[slash.upperBound...]))
    }

    /// A Chinese wording of the parser's English `message`.
    static func chinese(for message: String) -> String {
        let patterns: [(String, (String, String) -> String)] = [
            (#"^Missing expected argument '(.+)'$"#, { a, _ in "缺少必需的参数 \(a)。" }),
            (#"^Missing one of: (.+)$"#, { a, _ in "缺少以下参数之一：\(a)。" }),
            (#"^Unknown option '([^']+)'\. Did you mean '([^']+)'\?$"#, { a, b in "未知选项 \(a)，是否想输入 \(b)？" }),
            (#"^Unknown option '([^']+)'$"#, { a, _ in "未知选项 \(a)。" }),
            (#"^Missing value for '(.+)'$"#, { a, _ in "选项 \(a) 缺少值。" }),
            (#"^Unexpected argument '(.+)'$"#, { a, _ in "多余的参数「\(a)」。" }),
            (#"^\d+ unexpected arguments: (.+)$"#, { a, _ in "多余的参数：\(a)。" }),
            (#"^The value '(.*)' is invalid for '([^']+)'"#, { a, b in "值「\(a)」不能用于 \(b)。" }),
            (#"^The option '([^']+)' does not take any value, but '(.*)' was specified\.$"#,
             { a, b in "选项 \(a) 不接受值，却给了「\(b)」。" }),
            (#"^Missing required subcommand\.$"#, { _, _ in "缺少子命令。" }),
        ]
        let first = message.components(separatedBy: "\n").first ?? message
        for (pattern, wording) in patterns {
            guard let regex = try? NSRegularExpression(pattern: pattern),
                  let match = regex.firstMatch(in: first, range: NSRange(first.startIndex..., in: first)) else { continue }
            func group(_ index: Int) -> String {
                guard index < match.numberOfRanges, let range = Range(match.range(at: index), in: first) else { return "" }
                return String(first[range])
            }
            return wording(group(1), group(2)) + "请用 --help 查看用法。"
        }
        return "命令行参数有误，请用 --help 查看用法。"
    }

    private static func containsChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }
}
