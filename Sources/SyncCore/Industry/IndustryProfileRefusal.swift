/// The refusals of a profile file, each naming the file and the member at fault (`events[2].kind`).
struct IndustryProfileRefusal {
    /// The file's name, e.g. `drug.json`.
    let file: String

    /// `member` holds `value`, which is not one of `known`.
    func unknown(_ member: String, value: String, what: LocalizedText, known: [String]) -> TraceSyncError {
        TraceSyncError(
            .badIndustryProfile, field: member,
            zh: "行业配置 \(file) 的 \(member) 为「\(value)」，不是已知的\(what.zh)；可用：\(known.joined(separator: "、"))。新的\(what.zh)需要先在代码中加入其规则。",
            en: "industry profile \(file): \(member) \"\(value)\" is not a known \(what.en); known: \(known.joined(separator: ", ")). A new \(what.en) needs its rule added to the code first."
        )
    }

    /// `member` is wrong for the reason given.
    func invalid(_ member: String, zh: String, en: String) -> TraceSyncError {
        TraceSyncError(.badIndustryProfile, field: member,
                       zh: "行业配置 \(file) 的 \(member) 无效：\(zh)", en: "industry profile \(file): \(member) is not valid: \(en)")
    }

    /// The file does not decode as a profile.
    func undecodable(_ error: DecodingError) -> TraceSyncError {
        switch error {
        case let .keyNotFound(key, context):
            let member = Self.path(context.codingPath + [key])
            return invalid(member, zh: "缺少此成员。", en: "the member is missing.")
        case let .typeMismatch(_, context), let .valueNotFound(_, context):
            return invalid(Self.path(context.codingPath), zh: "类型不对（\(context.debugDescription)）。",
                           en: "wrong type (\(context.debugDescription)).")
        case let .dataCorrupted(context):
            return invalid(Self.path(context.codingPath), zh: "不是有效的 JSON（\(context.debugDescription)）。",
                           en: "not valid JSON (\(context.debugDescription)).")
        @unknown default:
            return invalid("", zh: "无法读取。", en: "cannot be read.")
        }
    }

    /// `events[2].kind` for a coding path; `(file)` for the empty path.
    static func path(_ keys: [any CodingKey]) -> String {
        guard !keys.isEmpty else { return "(file)" }
        return keys.reduce(into: "") { path, key in
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
    }
}
