import ArgumentParser
import Foundation
import SyncCore

/// Prints results for people (Chinese first, or English) or as JSON for scripts.
struct Output {
    let language: Language
    let json: Bool

    /// The text in the chosen language.
    func text(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    func text(_ localized: LocalizedText) -> String { localized.text(language) }

    /// Prints `value` as JSON, or the human text.
    func emit(_ value: some Encodable, human: () -> String) throws {
        if json {
            print(try Self.jsonString(value))
        } else {
            print(human())
        }
    }

    static func jsonString(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Runs `body`; a refusal is printed (to stderr for people, as JSON on stdout for scripts) and ends with exit code 1.
    func reportingRefusals(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let refusal as TraceSyncError {
            throw fail(code: refusal.code.rawValue, field: refusal.field, message: refusal.message)
        } catch let problem as ChainProblem {
            throw fail(code: "journal_\(problem.kind.rawValue)", field: "seq \(problem.seq)", message: problem.message)
        } catch let error as DatabaseError {
            throw fail(code: "database", field: nil, message: LocalizedText(
                zh: "数据库错误：\(error.message)。数据未改动。", en: "database error: \(error.message). Nothing was changed."
            ))
        }
    }

    /// Prints a refusal and returns the exit code to end with.
    func fail(code: String, field: String?, message: LocalizedText) -> ExitCode {
        if json {
            let error = ErrorBody(error: .init(code: code, field: field, message: message))
            print((try? Self.jsonString(error)) ?? "{}")
        } else {
            FileHandle.standardError.write(Data((text("错误：", "error: ") + text(message) + "\n").utf8))
        }
        return ExitCode.failure
    }

    private struct ErrorBody: Encodable {
        struct Detail: Encodable {
            let code: String
            let field: String?
            let message: LocalizedText
        }
        let error: Detail
    }
}
