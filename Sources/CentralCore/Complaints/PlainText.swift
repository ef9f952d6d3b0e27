import Foundation
public import SyncCore

/// The rule for text people type into the server's public and admin forms: plain text only, of bounded length.
/// Markup (`<…>`) is refused, never stripped, so what is stored is what was typed and what a page shows is that
/// text escaped.
public enum PlainText {
    /// `text` trimmed, when it holds something, at most `maxLength` characters, no markup and no control characters
    /// but line breaks and tabs.
    /// - Parameter what: how the message names the field.
    /// - Throws: `TraceSyncError` `complaint_text` (blank, too long, control characters) or `complaint_markup`.
    public static func checked(_ text: String, field: String, maxLength: Int, what: LocalizedText) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw TraceSyncError(.complaintText, field: field, zh: "请填写\(what.zh)。", en: "please fill in \(what.en).")
        }
        guard trimmed.count <= maxLength else {
            throw TraceSyncError(.complaintText, field: field,
                                 zh: "\(what.zh)过长（\(trimmed.count) 字）：最多 \(maxLength) 字，请删减后再提交。",
                                 en: "\(what.en) is too long (\(trimmed.count) characters): at most \(maxLength); shorten it and submit again.")
        }
        guard !hasMarkup(trimmed) else {
            throw TraceSyncError(.complaintMarkup, field: field,
                                 zh: "\(what.zh)只能是纯文字：不能包含 HTML 标记（尖括号 <…> 括起的内容）。请删去尖括号后再提交，未保存任何内容。",
                                 en: "\(what.en) must be plain text: it cannot hold HTML markup (anything in angle brackets <…>). Remove the angle brackets and submit again; nothing was saved.")
        }
        guard !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && !"\n\r\t".unicodeScalars.contains($0) }) else {
            throw TraceSyncError(.complaintText, field: field,
                                 zh: "\(what.zh)含有不可见的控制字符：请重新输入文字后再提交。",
                                 en: "\(what.en) holds invisible control characters: type the text again and submit.")
        }
        return trimmed
    }

    /// Whether `text` holds a `<` followed, before any other `<`, by a `>`: a tag, a comment or any markup.
    public static func hasMarkup(_ text: String) -> Bool {
        text.contains(/<[^<>]*>/)
    }
}
