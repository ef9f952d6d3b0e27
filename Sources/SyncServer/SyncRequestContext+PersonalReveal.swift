import SyncCore
import CentralCore
import CentralSQLite

/// Who may see a node's operators' personal numbers in full, and how that access is recorded: one rule for the API
/// and the console.
extension SyncRequestContext {
    /// Whether the request asked for `reveal=personal` for `node`'s operators. When it did, only a province admin may,
    /// and the audit record of the request becomes `personal.reveal` of `operators:NODE`.
    /// - Throws: `TraceSyncError` `bad_parameter` for any other value of `reveal`, `forbidden` for anyone but a
    ///   province admin.
    func authorizePersonalReveal(_ text: String?, node: String) throws -> Bool {
        guard let text else { return false }
        guard text == "personal" else {
            throw TraceSyncError(.badParameter, field: "reveal",
                                 zh: "参数 reveal=\(text) 无效：只能为 reveal=personal（仅省级管理员，查看完整身份证号和手机号，会记入审计日志）。",
                                 en: "parameter reveal=\(text) is not valid: the only value is reveal=personal (province admins only; shows full ID and phone numbers and is audited).")
        }
        try requireRole(.province)
        trail.action = "personal.reveal"
        trail.target = "operators:\(node)"
        trail.detail = "reveal=personal"
        return true
    }
}
