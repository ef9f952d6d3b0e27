import Testing
@testable import SyncCore
import TestSupport

/// A special-equipment unit's life as `MergeRules.decide` merges it: registered, installed, inspected with a due
/// date, repaired, decommissioned; never sold out; an event after the decommissioning stands and is flagged.
@Suite("Merge rules: special equipment")
struct EquipmentRulesTests {
    typealias E = EquipmentSamples
    static let minute: Int64 = 60_000
    static let day: Int64 = 24 * 60 * minute

    @Test func aLiftsLifeIsMergedIntoOneUnitWithItsLastInspectionAndNoBalance() throws {
        var lookup = MergeInputsBuilder.market()
        var a = HandJournal(deviceId: "device-a", author: "符永清")
        let steps: [(EventBody, String)] = [
            (E.registration(), "reg"), (E.installation(time: marketMorning + Self.minute), "ins"),
            (E.inspection(nextDue: "2027-11-23", time: marketMorning + 2 * Self.minute), "i1"),
            (E.repair(time: marketMorning + 3 * Self.minute), "rep"),
        ]
        for (offset, (body, id)) in steps.enumerated() {
            let decision = try lookup.push(a.append(body, id: id, at: marketMorning + Int64(offset) * Self.minute))
            #expect(decision.verdict == .applied, "\(id): \(String(describing: decision.message))")
            #expect(decision.effects.contains { if case .saveEquipment = $0 { true } else { false } })
        }
        let unit = try #require(lookup.inputs.equipmentState(E.lift))
        #expect(unit.kind == .lift)
        #expect(unit.registrationNumber == E.liftRegistration)
        #expect(unit.location == "海口市龙华区滨海大道 99 号 万绿园广场 1 号客梯")
        #expect(unit.lastInspection?.eventId == "i1")
        #expect(unit.lastInspection?.nextDue == "2027-11-23")
        #expect(unit.lastRepairAt == marketMorning + 3 * Self.minute)
        #expect(unit.eventCount == 4)
        #expect(unit.status(on: "2026-11-24") == .inDate)
        #expect(unit.status(on: "2027-11-23") == .inDate)
        #expect(unit.status(on: "2027-11-24") == .overdue)
    }

    @Test func aNewerInspectionClearsTheOverdueStatusWhicheverArrivesFirst() throws {
        let older = E.inspection(nextDue: "2026-12-01", time: marketMorning - 360 * Self.day)
        let newer = E.inspection(nextDue: "2027-11-23", time: marketMorning)
        for order in [[older, newer], [newer, older]] {
            var lookup = MergeInputsBuilder.market()
            var a = HandJournal(deviceId: "device-a", author: "符永清")
            _ = try lookup.push(a.append(E.registration(), id: "reg", at: marketMorning))
            for (index, body) in order.enumerated() {
                _ = try lookup.push(a.append(body, id: "i\(index)", at: marketMorning + Int64(index + 1) * Self.minute))
            }
            let unit = try #require(lookup.inputs.equipmentState(E.lift))
            #expect(unit.lastInspection?.nextDue == "2027-11-23")
            #expect(unit.status(on: "2026-12-02") == .inDate)
        }
        // With only the older one the unit is overdue on 2026-12-02.
        var lookup = MergeInputsBuilder.market()
        var a = HandJournal(deviceId: "device-a", author: "符永清")
        _ = try lookup.push(a.append(older, id: "i0", at: marketMorning))
        #expect(lookup.inputs.equipmentState(E.lift)?.status(on: "2026-12-02") == .overdue)
        #expect(lookup.inputs.equipmentState(E.lift)?.status(on: "2026-12-01") == .inDate)
    }

    @Test func anInspectionAfterTheDecommissioningStandsAndOpensAConflict() throws {
        var lookup = MergeInputsBuilder.market()
        var a = HandJournal(deviceId: "device-a", author: "符永清")
        var b = HandJournal(deviceId: "device-b", author: "云秀英")
        _ = try lookup.push(a.append(E.registration(), id: "reg", at: marketMorning))
        let decommissioned = try lookup.push(a.append(E.decommissioning(time: marketMorning + Self.minute), id: "d",
                                                      at: marketMorning + Self.minute))
        #expect(decommissioned.verdict == .applied)
        let late = try lookup.push(b.append(E.inspection(time: marketMorning + 10 * Self.minute), id: "i-b",
                                            at: marketMorning + 10 * Self.minute))
        #expect(late.verdict == .conflict)
        #expect(late.reasonCode == "decommissioned_in_use")
        let finding = try #require(late.conflicts.first)
        #expect(finding.subject == "decommissioned:\(E.lift)")
        #expect(finding.candidates.map(\.eventId) == ["d", "i-b"])
        let unit = try #require(lookup.inputs.equipmentState(E.lift))
        #expect(unit.status(on: "2026-11-24") == .decommissioned)
        #expect(unit.lateEventIds == ["i-b"])
        #expect(unit.lastInspection?.eventId == "i-b")
    }

    @Test func aDecommissioningThatArrivesAfterLaterEventsFlagsThem() throws {
        var lookup = MergeInputsBuilder.market()
        var a = HandJournal(deviceId: "device-a", author: "符永清")
        var b = HandJournal(deviceId: "device-b", author: "云秀英")
        _ = try lookup.push(b.append(E.repair(time: marketMorning + 10 * Self.minute), id: "rep",
                                     at: marketMorning + 10 * Self.minute))
        let decision = try lookup.push(a.append(E.decommissioning(time: marketMorning), id: "d", at: marketMorning))
        #expect(decision.verdict == .conflict)
        #expect(decision.conflicts.first?.candidates.map(\.eventId) == ["d", "rep"])
    }

    @Test(arguments: [
        (E.registration(number: "梯11琼A0023(23)"), "bad_use_registration"),
        (EventBody.equipment(.registration, EquipmentEvent(equipmentCode: E.lift, node: MergeSamples.node,
                                                            time: marketMorning)), "missing_field"),
        (E.registration("31101012320230045"), "bad_equipment_code"),
        (E.installation(time: marketMorning).withoutLocation, "missing_field"),
        (E.inspection(nextDue: nil), "missing_field"),
        (E.inspection(nextDue: "2026-11-24"), "bad_time"),
        (E.inspection(nextDue: "2027/11/23"), "bad_time"),
        (EventBody.equipment(.repair, EquipmentEvent(equipmentCode: E.lift, node: MergeSamples.node,
                                                      time: marketMorning)), "missing_field"),
        (E.registration(node: MergeSamples.otherNode), "out_of_scope"),
    ])
    func aMalformedLifeEventIsRefusedSayingWhy(_ body: EventBody, _ code: String) throws {
        var lookup = MergeInputsBuilder.market()
        var a = HandJournal(deviceId: "device-a", author: "符永清")
        let decision = try lookup.push(a.append(body, id: "x", at: marketMorning))
        #expect(decision.verdict == .rejected)
        #expect(decision.reasonCode == code)
        #expect(lookup.inputs.equipmentState(E.lift) == nil)
    }

    @Test func aFailedInspectionNeedsNoDueDateAndShowsFailed() throws {
        var lookup = MergeInputsBuilder.market()
        var a = HandJournal(deviceId: "device-a", author: "符永清")
        let decision = try lookup.push(a.append(E.inspection(passed: false, nextDue: nil), id: "i", at: marketMorning))
        #expect(decision.verdict == .applied)
        #expect(lookup.inputs.equipmentState(E.lift)?.status(on: "2030-01-01") == .failed)
    }

    @Test func aLifeEventRoundTripsThroughItsJournalPayload() throws {
        for body in [E.registration(), E.installation(), E.inspection(), E.repair(), E.decommissioning()] {
            let decoded = try EventBody.decode(kind: body.kind, payload: body.payload(id: "e"))
            #expect(decoded.body == body)
            #expect(body.batchCode == nil)
        }
        #expect(E.inspection().kind.rawValue == "equipment_inspection")
        #expect(IndustryEventKind.periodicInspection.journalKind == .equipmentInspection)
    }
}

extension EventBody {
    /// An installation without its place, for the refusal test.
    fileprivate var withoutLocation: EventBody {
        guard case .equipment(let step, var unit) = self else { return self }
        unit.location = nil
        return .equipment(step, unit)
    }
}
