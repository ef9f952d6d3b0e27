internal import Foundation
public import SyncCore

/// The URIs the EPCIS export names things with (README, "EPCIS export").
///
/// Our batches have no GTIN or GLN, so lots, nodes and extension terms live under one TraceSync base URI, in the
/// GS1 Digital Link spirit of resolvable HTTPS identifiers. The base is a placeholder until the province fixes the
/// platform's public domain; it is set here only, and the identifiers below never change shape.
public enum EPCISIdentifiers {
    /// The base of every TraceSync identifier.
    public static let base = "https://tracesync.example.cn/"
    /// The JSON-LD prefix of our extension terms (`ts:product`, `ts:origin`, …).
    public static let prefix = "ts"
    /// The namespace the prefix stands for.
    public static let namespace = base + "epcis/"

    /// A lot (batch or sale child code) as an EPC class: `https://tracesync.example.cn/lot/<24 digits>`.
    public static func lot(_ code: TraceCode) -> String { base + "lot/" + code.digits }

    /// A special-equipment unit as an EPC instance: `https://tracesync.example.cn/equipment/<特种设备代码>`.
    public static func equipment(_ code: String) -> String { base + "equipment/" + escaped(code) }

    /// A node as read point and business location: `https://tracesync.example.cn/node/<8 digits>`.
    public static func node(_ code: String) -> String { base + "node/" + escaped(code) }

    /// An event id: `urn:uuid:<uuid>` for the UUIDs devices make; anything else (never made by our devices, but
    /// not refused by the server either) under `https://tracesync.example.cn/event/`, escaped.
    public static func event(_ id: String) -> String {
        if let uuid = UUID(uuidString: id) { return "urn:uuid:" + uuid.uuidString.lowercased() }
        return base + "event/" + escaped(id)
    }

    /// An extension term, e.g. `ts:origin`.
    static func term(_ name: String) -> String { prefix + ":" + name }

    /// `text` with everything but RFC 3986 unreserved characters percent-encoded, so any text makes a valid URI.
    private static func escaped(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    /// RFC 3986 unreserved characters: ASCII letters and digits, `-`, `.`, `_` and `~`.
    private static let unreserved = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~"
    )
}
