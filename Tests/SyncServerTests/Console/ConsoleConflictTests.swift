import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
import Testing
@testable import SyncServer

/// The console's conflict queue, conflict page and actions, for each role, through the router.
@Suite struct ConsoleConflictTests {
    @Test func theNodeAdminSeesTheirOversoldBatchWithTimelineBalanceBuyersAndOnlyItsActions() async throws {
        try await withServer { server in
            let scenario = try await server.oversold()
            try server.addUser("market", role: .node, nodes: ["46010001"])
            var browser = ConsoleBrowser(server: server)
            try await browser.signIn("market")
            let queue = try await browser.send(.get, "/console/conflicts")
            #expect(queue.status == .ok)
            #expect(queue.text.contains("/console/conflicts/\(scenario.conflict.id)\""))
            let page = try await browser.send(.get, "/console/conflicts/\(scenario.conflict.id)")
            #expect(page.status == .ok)
            #expect(page.text.contains("批次时间线"))
            #expect(page.text.contains(scenario.first.deviceId) && page.text.contains(scenario.second.deviceId))
            #expect(page.text.contains("结存") && page.text.contains("-39.5"), "120.5 received, 160 sold")
            #expect(page.text.contains("服务器接收时间"))
            #expect(page.text.contains("name=\"action\" value=\"void\"") && page.text.contains("name=\"action\" value=\"accept\""))
            #expect(!page.text.contains("value=\"choose\"") && !page.text.contains("value=\"set\""), "an oversold conflict has no candidate values to choose")
        }
    }

    @Test func aNodeAdminOpeningAnotherNodesConflictByURLIsRefused() async throws {
        try await withServer { server in
            let scenario = try await server.oversold()
            try server.addUser("other", role: .node, nodes: ["46010002"])
            var browser = ConsoleBrowser(server: server)
            let csrf = try await browser.signIn("other")
            let page = try await browser.send(.get, "/console/conflicts/\(scenario.conflict.id)")
            #expect(page.status == .forbidden)
            #expect(page.text.contains("无权") && page.text.contains("not allowed"))
            #expect(!page.text.contains(scenario.first.deviceId))
            let queue = try await browser.send(.get, "/console/conflicts")
            #expect(!queue.text.contains("/console/conflicts/\(scenario.conflict.id)\""))
            #expect(try await browser.send(.get, "/console/conflicts?node=46010001").status == .forbidden)
            let resolve = try await browser.send(.post, "/console/conflicts/\(scenario.conflict.id)/resolve",
                                                 form: ["csrf": csrf, "action": "accept", "note": "不是我的 not mine"])
            #expect(resolve.status == .forbidden)
            let release = try await browser.send(.post, "/console/conflicts/\(scenario.conflict.id)/release",
                                                 form: ["csrf": csrf, "note": "不是我的 not mine"])
            #expect(release.status == .forbidden)
            #expect(try server.admin { try $0.conflict(scenario.conflict.id) }.status == .open)
        }
    }

    @Test func aChosenCandidateResolvesTheConflictAndThePageShowsTheServerEntry() async throws {
        try await withServer { server in
            let scenario = try await server.concurrentEdit()
            try server.addUser("province", role: .province)
            var browser = ConsoleBrowser(server: server)
            let csrf = try await browser.signIn("province")
            let page = try await browser.send(.get, "/console/conflicts/\(scenario.conflict.id)")
            #expect(page.text.contains("class=\"diff\">澄迈县金江镇定点屠宰场"), "the differing values are marked")
            let answer = try await browser.send(.post, "/console/conflicts/\(scenario.conflict.id)/resolve",
                                                form: ["csrf": csrf, "action": "choose", "candidate": "1", "note": "核对票据 checked the slips"])
            #expect(answer.status == .seeOther)
            let record = try server.admin { try $0.conflict(scenario.conflict.id) }
            #expect(record.status == .resolved)
            #expect(record.resolution?.author == "province")
            let seq = try #require(record.resolution?.serverSeq)
            let after = try await browser.send(.get, try #require(answer.headers[.location]))
            #expect(after.text.contains("设备将拉取的服务器记录"))
            #expect(after.text.contains("server #\(seq)"))
            #expect(after.text.contains("定安县定城屠宰场"))
            let audit = try server.admin { try $0.auditRecords(actor: "user:province", action: "conflict.resolve") }
            #expect(audit.contains { $0.event.target == "conflict:\(scenario.conflict.id)" && $0.event.outcome == .success })
        }
    }

    @Test func aResolutionWithoutANoteIsRefusedAndChangesNothing() async throws {
        try await withServer { server in
            let scenario = try await server.oversold()
            try server.addUser("province", role: .province)
            var browser = ConsoleBrowser(server: server)
            let csrf = try await browser.signIn("province")
            let answer = try await browser.send(.post, "/console/conflicts/\(scenario.conflict.id)/resolve",
                                                form: ["csrf": csrf, "action": "accept", "note": "  "])
            #expect(answer.status == .badRequest)
            #expect(answer.text.contains("请填写处理说明"))
            #expect(try server.admin { try $0.conflict(scenario.conflict.id) }.status == .open)
        }
    }

    @Test func anAuditorReadsButGetsNoFormsAndCannotResolve() async throws {
        try await withServer { server in
            let scenario = try await server.oversold()
            try server.addUser("auditor", role: .auditor)
            var browser = ConsoleBrowser(server: server)
            let csrf = try await browser.signIn("auditor")
            let page = try await browser.send(.get, "/console/conflicts/\(scenario.conflict.id)")
            #expect(page.status == .ok)
            #expect(!page.text.contains("/resolve\""))
            let answer = try await browser.send(.post, "/console/conflicts/\(scenario.conflict.id)/resolve",
                                                form: ["csrf": csrf, "action": "accept", "note": "审计 audit"])
            #expect(answer.status == .forbidden)
            #expect(try server.admin { try $0.conflict(scenario.conflict.id) }.status == .open)
        }
    }

    @Test func theOverviewCountsTheAdminsNodesOnlyAndDrawsTheCharts() async throws {
        try await withServer { server in
            _ = try await server.oversold()
            try server.addUser("market", role: .node, nodes: ["46010001"])
            try server.addUser("other", role: .node, nodes: ["46010002"])
            var mine = ConsoleBrowser(server: server)
            try await mine.signIn("market")
            let overview = try await mine.send(.get, "/console")
            #expect(overview.text.contains("kind=oversold"))
            #expect(overview.text.contains("<svg") && overview.text.contains("每日进场登记") && overview.text.contains("每日检测合格率"))
            var theirs = ConsoleBrowser(server: server)
            try await theirs.signIn("other")
            let other = try await theirs.send(.get, "/console")
            #expect(!other.text.contains("kind=oversold"))
            #expect(other.text.contains("没有待处理的冲突"))
        }
    }

    @Test func aHeldBatchIsReleasedFromItsConflictPageOnlyAfterARetest() async throws {
        try await withServer { server in
            var held = try await AdminHoldRouteTests.voidedFailure(server)
            let conflict = try #require(try server.admin { try $0.conflicts(status: .open, kind: .holdVoided) }.first)
            try server.addUser("market", role: .node, nodes: ["46010001"])
            var browser = ConsoleBrowser(server: server)
            let csrf = try await browser.signIn("market")
            let page = try await browser.send(.get, "/console/conflicts/\(conflict.id)")
            #expect(page.text.contains("/console/conflicts/\(conflict.id)/release"))
            #expect(page.text.contains("扣留中"))
            let early = try await browser.send(.post, "/console/conflicts/\(conflict.id)/release", form: ["csrf": csrf, "note": "复检 retest"])
            #expect(early.status == .conflict, "no passing re-test yet")
            #expect(try server.admin { try $0.holds(node: "46010001") }.map(\.code) == [held.code])
            try held.first.inspect(held.receipt, passed: true)
            try await server.push(held.first)
            let released = try await browser.send(.post, "/console/conflicts/\(conflict.id)/release", form: ["csrf": csrf, "note": "复检合格，解除扣留"])
            #expect(released.status == .seeOther)
            #expect(try server.admin { try $0.holds(node: "46010001") }.isEmpty)
            #expect(try server.admin { try $0.conflict(conflict.id) }.status == .resolved, "the release settles the hold_voided conflict")
            let audit = try server.admin { try $0.auditRecords(actor: "user:market", action: "hold.release") }
            #expect(audit.map(\.event.outcome) == [.refused, .success], "the 409 is recorded as refused")
            #expect(audit.allSatisfy { $0.event.target == held.code })
        }
    }
}
