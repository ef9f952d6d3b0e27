import Foundation
import SyncCore
import CentralCore
import CentralSQLite
import Testing
import TestSupport

/// `field status` lists the market's conflicts the same way for people and scripts, in the reader's language.
@Suite struct StatusConflictsTests {
    @Test func statusJSONCarriesTheConflictsItsTextListsAndTheTextSaysWhatTheAdminDidInChinese() async throws {
        try await ConflictMarket.with { market in
            let (a, b) = (market.a, market.b)
            let batch = try await market.receive(on: a).code
            try await market.sync(a)
            try await market.sync(b)
            _ = try await a.device.json("correct", batch, "--set", "supplier=澄迈金江肉联厂")
            _ = try await b.device.json("correct", batch, "--set", "supplier=定安县仙沟牧场")
            try await market.sync(a)
            try await market.sync(b)
            try await market.sync(a)
            let conflict = try await market.onlyOpenConflict(.concurrentEdit)

            let open = try await a.device.json("status")
            #expect(open["openConflicts"] == .integer(1), "\(open)")
            let listed = try #require(open["conflicts"]).decode([ConflictRecord].self)
            #expect(listed.map(\.id) == [conflict.id])
            let text = try await a.device.run("status")
            #expect(text.stdout.contains("本市场待处理冲突：1 个"), "\(text)")
            #expect(text.stdout.contains("⚑ #\(conflict.id) "), "\(text)")

            _ = try await market.resolve(conflict, ["--action", "choose", "--candidate", "0"], note: "以供货单为准")
            try await market.sync(a)
            let resolved = try await a.device.json("status")
            #expect(resolved["openConflicts"] == .integer(0), "\(resolved)")
            #expect(try #require(resolved["conflicts"]).decode([ConflictRecord].self).map(\.status) == [.resolved])
            let chinese = try await a.device.run("status")
            #expect(chinese.stdout.contains("已处理，候选 2 个 · 选定候选值 · 以供货单为准"), "\(chinese)")
            #expect(!chinese.stdout.contains("choose"), "no English action name in the Chinese text: \(chinese)")
            let english = try await a.device.run("status", "--lang", "en")
            #expect(english.stdout.contains("resolved, 2 candidates · chose a candidate · 以供货单为准"), "\(english)")
        }
    }
}
