import Foundation
import SyncCore
import CentralCore
import CentralSQLite
import Testing
import TestSupport

/// A food-safety hold through real `field` devices and a real `sync-server`: a device voiding the failed test does
/// not lift it — not on that device, the server, the public page or the other device — and only an admin's release
/// after a passing re-test, pulled by both devices, opens the batch again.
@Suite
struct HoldReleaseEndToEndTests {
    static let note = "复检瘦肉精阴性，解除扣留 / clenbuterol re-test negative"

    /// The public JSON's `foodSafetyHold` and whether the page shows the hold banner.
    static func publicHold(_ market: ConflictMarket, _ code: String) async throws -> (json: Bool, page: Bool) {
        let json = try await HTTP.get(market.server.url + "/v1/trace/\(code)")
        #expect(json.status == 200, "\(json.body)")
        let page = try await HTTP.get(market.server.url + "/t/\(code)")
        #expect(page.status == 200)
        return (try JSONValue.parse(json.body)["foodSafetyHold"] == .bool(true), page.body.contains("食品安全暂扣"))
    }

    @Test
    func aDeviceVoidingTheFailedTestLeavesTheHoldUntilAnAdminReleasesItAfterARetest() async throws {
        try await ConflictMarket.with { market in
            let (a, b) = (market.a, market.b)
            let batch = try await market.receive(on: a, quantity: "100", product: "100104").code
            let failed = try await a.device.json("inspect", batch, "--item", "瘦肉精", "--value", "阳性", "--result", "fail")
            let failedId = try #require(failed["eventId"]?.stringValue)
            try await market.sync(a)
            try await market.sync(b)

            // Device B voids the failed test: the hold stands on B at once.
            let voided = try await b.device.json("void", failedId, "--reason", "试纸过期")
            #expect(voided["status"] == .string("held"))
            let refused = try await b.device.run("sell", batch, "--quantity", "5", "--buyer", "王五")
            #expect(refused.status == 1 && refused.stderr.contains("扣留"), "\(refused)")
            #expect(try await market.sync(b)["conflicts"] == .integer(1))
            try await market.sync(a)

            let conflict = try await market.onlyOpenConflict(.holdVoided)
            #expect(conflict.batchCode == batch && conflict.candidates.map(\.eventId).first == failedId)
            for device in [a, b] {
                #expect(try await market.shown(batch, on: device)["status"] == .string("held"))
                try await market.expectOpen(conflict, on: batch, device: device)
            }
            #expect(try await Self.publicHold(market, batch) == (true, true))

            // Refused without a note, and without a passing re-test of the same item; nothing changes.
            #expect(try await market.server.admin(["admin", "hold", "release", batch]).status != 0)
            let early = try await market.server.admin(["admin", "hold", "release", batch, "--note", Self.note])
            #expect(early.status == 1 && early.stderr.contains("复检") && early.stderr.contains("re-test"), "\(early)")
            let listed = try await market.server.admin(["admin", "hold", "list", "--node", ConflictMarket.node, "--json"]).json()
            #expect(listed.arrayValue?.compactMap { $0["code"]?.stringValue } == [batch])

            _ = try await a.device.json("inspect", batch, "--item", "瘦肉精", "--value", "阴性", "--result", "pass")
            #expect(try await market.shown(batch, on: a)["status"] == .string("held"), "a re-test alone does not release")
            try await market.sync(a)
            let release = try await market.server.admin(
                ["admin", "hold", "release", batch, "--note", Self.note, "--author", ConflictMarket.admin, "--json"]
            )
            #expect(release.status == 0, "\(release)")
            let released = try release.json()
            #expect(released["status"] == .string("open") && released["lifts"] == .array([.string(failedId)]))

            try await market.sync(a)
            try await market.sync(b)
            for device in [a, b] {
                let shown = try await market.shown(batch, on: device)
                #expect(shown["status"] == .string("open"))
                #expect(shown.events.contains { $0["kind"] == .string("release") })
                #expect(try await market.conflicts(of: batch, on: device).first?.status == .resolved)
            }
            #expect(try await market.shown(batch, on: a) == market.shown(batch, on: b))
            #expect(try await Self.publicHold(market, batch) == (false, false))
            #expect(try await b.device.run("sell", batch, "--quantity", "5", "--buyer", "王五").status == 0)

            let audit = try await market.server.admin(["admin", "audit", "list", "--action", "hold.release", "--json"]).json()
            let outcomes = audit.arrayValue?.compactMap { $0["outcome"]?.stringValue }
            #expect(outcomes == ["failure", "success"], "\(audit)")
        }
    }
}
