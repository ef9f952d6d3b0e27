import SyncCore

/// A trace code (or event id) argument as a shell hands it over: a code pasted as printed, `4601 0001 0012 …`
/// unquoted, arrives as one word per group.
///
/// Commands that take a code declare it as `@Argument var code: [String]` and read it through `PastedCode.text`,
/// which puts digit groups back together and refuses words that are not part of a code, naming them, so that
/// `field sell CODE 5 --buyer 张三` (a forgotten `--quantity`) is not taken as a longer code.
enum PastedCode {
    /// The one code or id in `words`.
    /// - Throws: `TraceSyncError` `extra_arguments` when words other than digit groups follow the code.
    static func text(_ words: [String], field: String = "code") throws -> String {
        guard words.count > 1 else { return words.first ?? "" }
        let joined = words.joined(separator: " ")
        if TraceCode.hasOwnFormat(joined) { return joined }
        let whole = (1..<words.count).first { TraceCode.hasOwnFormat(words[..<$0].joined()) }
        // Groups with a digit missing or one too many: the code's own format check says what is wrong.
        if whole == nil, words.allSatisfy(isDigitGroup) { return joined }
        let codeLength = whole ?? 1
        let extra = words[codeLength...].joined(separator: " ")
        let code = words[..<codeLength].joined(separator: " ")
        throw TraceSyncError(
            .extraArguments, field: field,
            zh: "「\(code)」之后多了参数「\(extra)」：一条命令只接受一个追溯码或记录编号，其他内容请用选项给出（如 --quantity 5），见 --help。",
            en: "unexpected arguments \"\(extra)\" after \"\(code)\": a command takes one trace code or event id; give the rest as options (e.g. --quantity 5), see --help."
        )
    }

    /// True for a word made only of digits (ASCII or full-width) and hyphens: one group of a code.
    private static func isDigitGroup(_ word: String) -> Bool {
        let compacted = TraceCode.compacted(word)
        return !compacted.isEmpty && compacted.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
