import Foundation
import SyncCore
import CentralCore
import Testing
import TestSupport

/// The lift's day through real `field` devices and a real `sync-server`: a passenger lift of the fixtures
/// (311010123202300457, 梯11琼A00023(23)) registered and installed on device A, inspected with a due date a year
/// on; on the day after the due date (`asOf`, as time passing) the admins see it overdue over HTTP and the CLI; a
/// newer inspection on device B clears it; both devices converge; the public page shows its status and nothing
/// secret; the EPCIS export of its life validates against GS1's schema; a repair after its decommissioning is
/// recorded and flagged.
@Suite
struct LiftLifeTests {
    static let lift = "311010123202300457"
    static let registration = "梯11琼A00023(23)"
    static let user = "海口市万绿园商业广场物业管理有限公司"
    static let location = "海口市龙华区滨海大道 99 号 万绿园广场 1 号客梯"

    /// The day `days` after today, `YYYY-MM-DD` in China Standard Time.
    static func day(_ days: Int) -> String {
        BusinessTime.dayOf(BusinessTime.now() + Int64(days) * 86_400_000)
    }

    /// The codes of the units `GET /v1/admin/equipment` lists for `query`.
    static func listed(_ market: ConflictMarket, _ query: String, token: String) async throws -> [String] {
        let response = try await HTTP.get(market.server.url + "/v1/admin/equipment?" + query,
                                          headers: ["Authorization": "Bearer \(token)"])
        #expect(response.status == 200, "\(response.body)")
        return try JSONValue.parse(response.body).arrayValue?.compactMap { $0["code"]?.stringValue } ?? []
    }

    @Test
    func aLiftIsRegisteredInspectedFlaggedOverdueAndClearedByANewerInspection() async throws {
        try await ConflictMarket.with { market in
            let (a, b) = (market.a, market.b)
            let token = try await market.server.adminSession()
            let due = Self.day(365), later = Self.day(730)

            let registered = try await a.device.json("equipment", "register", Self.lift, "--registration", Self.registration,
                                               "--user", Self.user)
            #expect(registered["status"] == .string("not_inspected"))
            _ = try await a.device.json("equipment", "install", Self.lift, "--location", Self.location)
            let inspected = try await a.device.json("equipment", "inspect", Self.lift, "--result", "pass", "--next-due", due,
                                              "--agency", "海南省特种设备检验检测院", "--report", "DT-2026-04611")
            #expect(inspected["status"] == .string("in_date"))
            // Bad input is refused with what to do, and nothing is recorded.
            let refused = try await a.device.run("equipment", "inspect", Self.lift, "--result", "pass")
            #expect(refused.status == 1 && refused.stderr.contains("下次检验日期"), "\(refused)")
            let mistyped = try await a.device.run("equipment", "register", "31101012320230045", "--registration", Self.registration)
            #expect(mistyped.status == 1 && mistyped.stderr.contains("特种设备代码"), "\(mistyped)")
            try await market.sync(a)

            // Today it is in date; the day after its due date it is overdue, for the admins without looking for it.
            #expect(try await Self.listed(market, "overdue=true", token: token) == [])
            #expect(try await Self.listed(market, "overdue=true&asOf=\(Self.day(366))", token: token) == [Self.lift])
            let cli = try await market.server.admin(["admin", "equipment", "list", "--overdue", "--as-of", Self.day(366), "--json"])
            #expect(cli.status == 0, "\(cli)")
            let overdue = try cli.json().arrayValue?.first
            #expect(overdue?["code"] == .string(Self.lift) && overdue?["status"] == .string("overdue"))
            #expect(overdue?["nextDue"] == .string(due) && overdue?["kind"] == .string("lift"))
            let table = try await market.server.admin(["admin", "equipment", "list", "--overdue", "--as-of", Self.day(366)])
            #expect(table.stdout.contains("检验超期") && table.stdout.contains(Self.registration), "\(table)")

            // Device B pulls the lift and records a newer inspection: no longer overdue on that day.
            try await market.sync(b)
            let onB = try await b.device.json("equipment", "list", "--as-of", Self.day(366))
            #expect(onB.arrayValue?.first?["status"] == .string("overdue"))
            _ = try await b.device.json("equipment", "inspect", Self.lift, "--result", "pass", "--next-due", later)
            try await market.sync(b)
            try await market.sync(a)
            #expect(try await Self.listed(market, "overdue=true&asOf=\(Self.day(366))", token: token) == [])
            let both = try await [a, b].asyncMap { try await $0.device.json("equipment", "list", "--as-of", Self.day(366)) }
            #expect(both[0] == both[1])
            #expect(both[0].arrayValue?.first?["nextDue"] == .string(later))
            #expect(both[0].arrayValue?.first?["status"] == .string("in_date"))
            #expect(both[0].arrayValue?.first?["eventCount"] == .integer(4))

            // The public page: kind, registration number, last inspection and status; not the company or report.
            let page = try await HTTP.get(market.server.url + "/t/\(Self.lift)")
            #expect(page.status == 200)
            let shown = HTMLText.visible(page.body)
            #expect(shown.contains("电梯") && shown.contains("在检验有效期内") && shown.contains(later), "\(shown)")
            #expect(shown.contains(Self.registration), "\(shown)")
            for secret in [Self.user, "万绿园广场", "DT-2026-04611", "检验检测院"] {
                #expect(!page.body.contains(secret), "the public page shows \(secret)")
            }

            // Decommissioned on A, repaired on B offline afterwards: both stand, the repair is flagged.
            _ = try await a.device.json("equipment", "decommission", Self.lift, "--reason", "达到设计使用年限")
            try await market.sync(a)
            let repaired = try await b.device.json("equipment", "repair", Self.lift, "--note", "更换曳引钢丝绳")
            #expect(repaired["eventId"] != nil)
            #expect(try await market.sync(b)["conflicts"] == .integer(1))
            let conflict = try await market.onlyOpenConflict(.decommissionedInUse)
            #expect(conflict.candidates.count == 2)
            let gone = try await HTTP.get(market.server.url + "/t/\(Self.lift)")
            #expect(HTMLText.visible(gone.body).contains("已报废"))

            // EPCIS: the life as ObjectEvents with CBV steps, valid against GS1's schema.
            let response = try await HTTP.get(market.server.url + "/v1/export/epcis?from=\(Self.day(0))&to=\(Self.day(0))",
                                              headers: ["Authorization": "Bearer \(token)"])
            #expect(response.status == 200)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("lift-epcis-\(UUID().uuidString).json")
            defer { try? FileManager.default.removeItem(at: file) }
            try Data(response.body.utf8).write(to: file)
            #expect(try await EPCISValidation.violations(ofFile: file) == [])
            let steps = try JSONValue.parse(response.body)["epcisBody"]?["eventList"]?.arrayValue?
                .filter { $0["epcList"]?.arrayValue?.first?.stringValue?.hasSuffix(Self.lift) == true }
                .compactMap { $0["bizStep"]?.stringValue } ?? []
            #expect(steps.sorted() == ["commissioning", "decommissioning", "inspecting", "inspecting", "installing", "repairing"])
        }
    }
}
