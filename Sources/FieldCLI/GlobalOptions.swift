import ArgumentParser
import Foundation
import SyncCore


/// Options every command shares: where the database is, the language, and JSON output.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "设备数据库文件 / device database file (env FIELD_DB; default ./field.sqlite)")
    var db: String = ProcessInfo.processInfo.environment["FIELD_DB"] ?? "field.sqlite"

    @Option(name: .long, help: "输出语言 / output language: zh | en (env FIELD_LANG)")
    var lang: Language = ProcessInfo.processInfo.environment["FIELD_LANG"].flatMap(Language.init) ?? .zh

    @Flag(name: .long, help: "以 JSON 输出，供脚本使用 / print JSON for scripts")
    var json = false

    var output: Output { Output(language: lang, json: json) }

    /// Opens the device store and runs `body`, turning a refusal into a clear message and exit code 1.
    func withStore(_ body: (FieldStore, Output) throws -> Void) throws {
        try output.reportingRefusals { try body(try openStore(), output) }
    }

    /// Opens the device store with the device's wall clock.
    ///
    /// `FIELD_CLOCK_OFFSET_SECONDS` shifts that clock, to rehearse a device whose clock is wrong (the hybrid logical
    /// clock and the server's plausibility checks must cope with it).
    func openStore() throws -> FieldStore {
        let store = try FieldStore.open(path: db)
        if let offset = ProcessInfo.processInfo.environment["FIELD_CLOCK_OFFSET_SECONDS"].flatMap(Int64.init) {
            store.wallClock = { BusinessTime.now() + offset * 1000 }
        }
        return store
    }
}
