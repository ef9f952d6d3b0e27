public import SyncCore

/// The strength rules of admin passwords: at least 12 characters, at least three of the four kinds (lower-case,
/// upper-case, digits, other), and not containing the user's name.
package enum PasswordPolicy {
    static let minimumLength = 12
    static let minimumKinds = 3

    /// Refuses a password that breaks a rule, saying which and what a good one looks like.
    /// - Throws: `TraceSyncError` `weak_password`.
    package static func check(_ password: String, name: String) throws {
        if password.count < minimumLength {
            throw refusal(zh: "密码太短：至少 \(minimumLength) 个字符", en: "the password is too short: use at least \(minimumLength) characters")
        }
        let kinds = [
            password.contains { $0.isLowercase }, password.contains { $0.isUppercase },
            password.contains { $0.isNumber }, password.contains { !$0.isLetter && !$0.isNumber },
        ].filter { $0 }.count
        if kinds < minimumKinds {
            throw refusal(zh: "密码太简单：小写字母、大写字母、数字、符号四类中至少要有 \(minimumKinds) 类",
                          en: "the password is too simple: use at least \(minimumKinds) of lower-case letters, upper-case letters, digits and symbols")
        }
        if !name.isEmpty, password.lowercased().contains(name.lowercased()) {
            throw refusal(zh: "密码不能包含用户名", en: "the password must not contain the user name")
        }
    }

    private static func refusal(zh: String, en: String) -> TraceSyncError {
        TraceSyncError(.weakPassword, field: "password",
                       zh: "\(zh)。请换一个密码，例如由几个词、数字和符号组成的长句。",
                       en: "\(en). Choose another one, e.g. a long phrase of several words with digits and symbols.")
    }
}
