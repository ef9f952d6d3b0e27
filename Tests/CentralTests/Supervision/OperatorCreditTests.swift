import Testing
@testable import SyncCore
import TestSupport
@testable import CentralCore
@testable import CentralSQLite

/// Operator credit: the formula over made-up counts whose answer is known, and the counts the central store gathers
/// from a record pushed by a device.
@Suite("Supervision: operator credit")
struct OperatorCreditTests {
    typealias S = MergeSamples
    static let minute: Int64 = 60_000
    static let window = CreditWindow(now: S.receivedAt)

    static func credit(_ inputs: CreditInputs) -> OperatorCredit {
        OperatorCredit(operatorId: S.zhang, node: S.node, name: "张记", window: window, inputs: inputs)
    }

    @Test func aCleanRecordScoresFullMarksAndGradeA() {
        let credit = Self.credit(CreditInputs())
        #expect(credit.score == 100)
        #expect(credit.grade == .a)
        #expect(credit.items.map(\.factor) == CreditFactor.allCases)
        #expect(credit.items.allSatisfy { $0.count == 0 && $0.points == 0 })
    }

    /// One batch sold while held after its failed test, oversold, received without its certificate: 100 − 20 − 10 −
    /// 5 − 5 = 60, grade C; one upheld complaint more is 50, grade D.
    @Test func aKnownRecordCostsTheDocumentedPoints() {
        let inputs = CreditInputs(heldTraded: 1, failedTests: 1, oversold: 1, missingCertificates: 1)
        let credit = Self.credit(inputs)
        #expect(credit.score == 60)
        #expect(credit.grade == .c)
        #expect(credit.items.map(\.points) == [20, 10, 0, 5, 5, 0])
        #expect(credit.inputs == inputs)
        var worse = inputs
        worse.complaintsUpheld = 1
        #expect(Self.credit(worse).score == 50)
        #expect(Self.credit(worse).grade == .d)
        #expect(Self.credit(CreditInputs(findingsConfirmed: 2)).score == 90)
    }

    /// What a reader recomputes from the items is the score.
    @Test(arguments: [
        CreditInputs(failedTests: 1), CreditInputs(oversold: 3, findingsConfirmed: 1),
        CreditInputs(heldTraded: 1, complaintsUpheld: 2), CreditInputs(missingCertificates: 4, findingsConfirmed: 3),
    ])
    func theItemsAddUpToTheScore(inputs: CreditInputs) {
        let credit = Self.credit(inputs)
        #expect(credit.score == 100 - credit.items.reduce(0) { $0 + $1.count * $1.pointsEach })
        #expect(credit.items.allSatisfy { $0.pointsEach == $0.factor.pointsEach && $0.points == $0.count * $0.pointsEach })
    }

    @Test func theScoreNeverGoesBelowZero() {
        let credit = Self.credit(CreditInputs(heldTraded: 6, failedTests: 3))
        #expect(credit.score == 0)
        #expect(credit.grade == .d)
        #expect(credit.items.first?.points == 120)
    }

    @Test(arguments: [(100, CreditGrade.a), (90, .a), (89, .b), (75, .b), (74, .c), (60, .c), (59, .d), (0, .d)])
    func gradesChangeAtNinetySeventyFiveAndSixty(score: Int, grade: CreditGrade) {
        #expect(CreditGrade(score: score) == grade)
    }

    @Test func aListingIsWorstFirst() {
        let listing = CreditListing(node: S.node, window: Self.window, publicGrade: false, operators: [
            OperatorCredit(operatorId: "b", node: S.node, name: "乙", window: Self.window, inputs: CreditInputs()),
            OperatorCredit(operatorId: "c", node: S.node, name: "丙", window: Self.window, inputs: CreditInputs(heldTraded: 1)),
            OperatorCredit(operatorId: "a", node: S.node, name: "甲", window: Self.window, inputs: CreditInputs(oversold: 1)),
        ])
        #expect(listing.operators.map(\.operatorId) == ["c", "a", "b"])
    }

    @Test func theWindowIsTheLastYear() {
        let window = Self.window
        #expect(window.days == 365)
        #expect(window.contains(S.receivedAt))
        #expect(window.contains(S.receivedAt - 365 * S.day))
        #expect(!window.contains(S.receivedAt - 365 * S.day - 1))
        #expect(!window.contains(S.receivedAt + 1))
        #expect(window.contains(day: BusinessTime.dayOf(S.receivedAt)))
    }

    // MARK: The inputs as the store gathers them

    /// 张记 receives pork without its quarantine certificate; it fails its test (held) and is sold twice, 110 kg of
    /// 100: one failed test, one held-traded, one oversold, one missing certificate. 琼北 receives vegetables
    /// without a certificate (none needed) and passes its test.
    static func markedRecord(_ harness: CentralHarness) throws -> TraceCode {
        var device = try harness.enroll("南北市场 1 号机", author: "符永清")
        let pork = S.code(1), greens = S.code(4)
        try device.append(S.receipt(pork, product: "100101"), id: "r", at: marketMorning)
        try device.append(S.inspection(pork, passed: false, time: marketMorning + 10 * minute), id: "i", at: marketMorning + 10 * minute)
        try device.append(S.sale(pork, child: S.code(2), quantity: 60, time: marketMorning + 30 * minute), id: "s1", at: marketMorning + 30 * minute)
        try device.append(S.sale(pork, child: S.code(3), quantity: 50, time: marketMorning + 40 * minute), id: "s2", at: marketMorning + 40 * minute)
        try device.append(S.receipt(greens, operatorId: S.qiongbei), id: "r2", at: marketMorning + 50 * minute)
        try device.append(S.inspection(greens, passed: true, time: marketMorning + 55 * minute), id: "i2", at: marketMorning + 55 * minute)
        try harness.push(device)
        return pork
    }

    @Test func theStoreCountsEachFactorOfAPushedRecord() throws {
        try CentralHarness.with { harness in
            _ = try Self.markedRecord(harness)
            let window = CreditWindow(now: harness.now)
            let zhang = try harness.store.operatorCredit(S.zhang, window: window)
            #expect(zhang.inputs == CreditInputs(heldTraded: 1, failedTests: 1, oversold: 1, missingCertificates: 1))
            #expect(zhang.score == 60)
            #expect(zhang.grade == .c)
            let listing = try harness.store.operatorCredits(node: S.node, window: window)
            #expect(listing.map(\.operatorId) == [S.zhang, S.qiongbei])
            #expect(listing.last?.score == 100)
            #expect(try harness.store.operatorCredits(node: S.otherNode, window: window).map(\.operatorId) == [S.fuji])
            #expect(throws: TraceSyncError.self) { try harness.store.operatorCredit("OP-NOBODY", window: window) }
            let later = CreditWindow(now: harness.now + 400 * S.day)
            #expect(try harness.store.operatorCredit(S.zhang, window: later).score == 100)
        }
    }

    /// A followed-up finding costs 5; a dismissed one nothing; one opened as the oversold conflict already counted is
    /// not counted again. An upheld complaint costs 10, one not upheld nothing.
    @Test func confirmedFindingsAndUpheldComplaintsCountDismissedOnesDoNot() throws {
        try CentralHarness.with { harness in
            let pork = try Self.markedRecord(harness)
            try harness.store.runAllChecks()
            let window = CreditWindow(now: harness.now)
            let findings = try harness.store.findings(operator: S.zhang)
            #expect(findings.count >= 2)
            let oversold = try #require(try harness.store.conflicts(kind: .oversold).first)
            try harness.store.followUp(findings[0].id, FindingFollowUp(status: .followedUp, note: "已上门核实"), author: "王芳")
            try harness.store.followUp(findings[1].id, FindingFollowUp(status: .openedAsConflict, note: "同超卖冲突", conflictId: oversold.id), author: "王芳")
            for extra in findings.dropFirst(2) {
                try harness.store.followUp(extra.id, FindingFollowUp(status: .dismissed, note: "已解释"), author: "王芳")
            }
            #expect(try harness.store.operatorCredit(S.zhang, window: window).inputs.findingsConfirmed == 1)
            let draft = try ComplaintDraft(category: "spoiled", text: "肉有异味", phone: nil)
            let upheld = try harness.store.fileComplaint(draft, code: pork.digits, perCodePerDay: 5)
            let rejected = try harness.store.fileComplaint(draft, code: pork.digits, perCodePerDay: 5)
            try harness.store.answerComplaint(upheld.id, ComplaintAnswer(status: .answered, reply: "已处理", upheld: true), author: "王芳")
            try harness.store.answerComplaint(rejected.id, ComplaintAnswer(status: .answered, reply: "不属实", upheld: false), author: "王芳")
            let credit = try harness.store.operatorCredit(S.zhang, window: window)
            #expect(credit.inputs == CreditInputs(heldTraded: 1, failedTests: 1, complaintsUpheld: 1, oversold: 1,
                                                  missingCertificates: 1, findingsConfirmed: 1))
            #expect(credit.score == 100 - 20 - 10 - 10 - 5 - 5 - 5)
            #expect(credit.grade == .d)
        }
    }

    @Test func thePublicGradeIsShownOnlyOnceTheProvinceSwitchesItOn() throws {
        try CentralHarness.with { harness in
            let pork = try Self.markedRecord(harness)
            let window = CreditWindow(now: harness.now)
            #expect(try harness.store.creditSettings().publicGrade == false)
            #expect(try harness.store.publicCreditGrade(code: S.code(2).digits, window: window) == nil)
            try harness.store.setCreditSettings(CreditSettings(publicGrade: true))
            #expect(try harness.store.publicCreditGrade(code: S.code(2).digits, window: window) == .c)
            #expect(try harness.store.publicCreditGrade(code: pork.digits, window: window) == .c)
            #expect(try harness.store.publicCreditGrade(code: S.code(4).digits, window: window) == .a)
            #expect(try harness.store.publicCreditGrade(code: S.code(9).digits, window: window) == nil)
            try harness.store.setCreditSettings(CreditSettings(publicGrade: false))
            #expect(try harness.store.publicCreditGrade(code: pork.digits, window: window) == nil)
        }
    }
}
