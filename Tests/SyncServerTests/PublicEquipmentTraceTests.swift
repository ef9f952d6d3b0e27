import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing
import TestSupport

/// `GET /v1/trace/{code}` with a special-equipment unit's 特种设备代码: what the public page `/t/{code}` shows of a lift,
/// as JSON (kind, use-registration number, last inspection, status), never the company using it, its address, the
/// inspection body or the report.
@Suite struct PublicEquipmentTraceTests {
    typealias E = EquipmentSamples
    static let secrets = ["海口市万绿园商业广场物业管理有限公司", "万绿园广场", "海南省特种设备检验检测院", "DT-2026-04611",
                          "更换曳引钢丝绳", "46010001", "符永清"]

    /// Pushes the lift's registration, installation, an inspection it passed due on `nextDue`, and a repair, all
    /// recorded `daysAgo` days ago.
    static func pushLift(to server: ServerHarness, nextDue: String, daysAgo: Int64 = 0) async throws {
        var journal = JournalWriter(device: try await server.enroll())
        let now = BusinessTime.now() - daysAgo * 86_400_000
        try journal.append(E.registration(time: now))
        try journal.append(E.installation(time: now))
        try journal.append(E.inspection(nextDue: nextDue, time: now))
        try journal.append(E.repair(time: now))
        let answer = try await server.push(journal)
        #expect(answer.verdicts.map(\.verdict) == [.applied, .applied, .applied, .applied])
    }

    @Test func aLiftsCodeAnswersWithItsKindRegistrationLastInspectionAndStatusOnly() async throws {
        try await withServer { server in
            let today = BusinessTime.dayOf(BusinessTime.now())
            let due = BusinessTime.dayOf(BusinessTime.now() + 365 * 86_400_000)
            try await Self.pushLift(to: server, nextDue: due)
            let response = try await server.send(.get, "/v1/trace/\(E.lift)")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            let unit = try response.decoded(EquipmentPublicView.self)
            #expect(unit.code == E.lift && unit.kind == .lift && unit.registrationNumber == E.liftRegistration)
            #expect(unit.lastInspection == today && unit.lastInspectionPassed == true && unit.nextDue == due)
            #expect(unit.status == .inDate && unit.decommissioned == nil && unit.asOf == today)
            for secret in Self.secrets {
                #expect(!response.text.contains(secret), "the public trace of the lift shows \(secret)")
            }
            let page = try await server.send(.get, "/t/\(E.lift)")
            #expect(page.status == .ok && page.text.contains(E.liftRegistration) && page.text.contains(due))
        }
    }

    @Test func anOverdueLiftSaysSoAndAnUnknownOrMistypedUnitCodeIsRefused() async throws {
        try await withServer { server in
            try await Self.pushLift(to: server, nextDue: BusinessTime.dayOf(BusinessTime.now() - 86_400_000), daysAgo: 3)
            let overdue = try await server.send(.get, "/v1/trace/\(E.lift)")
            #expect(try overdue.decoded(EquipmentPublicView.self).status == .overdue)
            // A well-formed code of a unit the store holds nothing of, and the lift's code with a digit dropped.
            let unknown = try await server.send(.get, "/v1/trace/\(E.boiler)")
            #expect(unknown.status.code >= 400 && unknown.status.code < 500)
            #expect(try unknown.apiError.message.en.isEmpty == false)
            let mistyped = try await server.send(.get, "/v1/trace/\(E.lift.dropLast())")
            #expect(mistyped.status == .badRequest)
        }
    }
}
