/// The languages user-facing text is offered in; Chinese first.
public enum Language: String, Sendable, CaseIterable, Codable {
    case zh
    case en
}

/// A message in Chinese and English.
public struct LocalizedText: Sendable, Hashable, Codable, CustomStringConvertible {
    public let zh: String
    public let en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// The text in the given language.
    public func text(_ language: Language) -> String {
        switch language {
        case .zh: zh
        case .en: en
        }
    }

    /// Both languages, Chinese first, for logs and places where the reader's language is unknown.
    public var description: String { "\(zh) / \(en)" }
}
