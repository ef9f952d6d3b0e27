import Testing
@testable import SyncCore
import TestSupport

/// Licences at the point of sale, as pure rules: a restricted farm input or a hazardous good sold to a buyer without
/// a valid licence on record stands and opens an `unlicensed_sale` conflict; a licensed sale opens none.
@Suite("Merge rules: licences at the point of sale")
struct LicenceRulesTests {
    typealias S = MergeSamples
    static let minute: Int64 = 60_000
    static let buyer = "OP-46010001-FARM"
    static let omethoate = "600104", imidacloprid = "600101", lpg = "800101"
    static let pesticide = Licence(kind: .pesticideOperatingLicence, number: "农药经营琼2026469023007",
                                   validFrom: "2026-04-12", validUntil: "2031-04-11")
    static let expired = Licence(kind: .pesticideOperatingLicence, number: "农药经营琼2019460107002",
                                 validFrom: "2019-11-01", validUntil: "2024-10-31")
    static let chemicals = Licence(kind: .hazardousChemicalsLicence, number: "琼海应急经字〔2026〕000123",
                                   validFrom: "2026-03-01", validUntil: "2029-02-28")

    /// A market whose catalogue has the farm-input and hazardous products, with the buyer holding `licences`.
    struct Shop {
        var inputs: MergeInputs
        var a = HandJournal(deviceId: "device-a", author: "符永清")
        let batch = S.code(1)

        init(product: String, licences: [Licence]) throws {
            inputs = MergeInputs(products: [omethoate, imidacloprid, lpg], regions: ["460106", "469023"])
            inputs.productFacts = [
                omethoate: .init(industry: .farmInput, restricted: true),
                imidacloprid: .init(industry: .farmInput, restricted: false),
                lpg: .init(industry: .hazardousGoods, restricted: false),
            ]
            inputs.operators[S.zhang] = .init(node: S.node, creditCode: nil, eventId: nil, canonicalId: nil)
            inputs.operators[LicenceRulesTests.buyer] = .init(node: S.node, creditCode: nil, eventId: nil,
                                                              canonicalId: nil, licences: licences)
            #expect(try push(a.append(S.receipt(batch, product: product), id: "r", at: marketMorning)).verdict == .applied)
        }

        mutating func push(_ entry: JournalEntry) -> EntryDecision {
            let decision = MergeRules.decide(entry: entry, deviceNode: S.node,
                                             context: MergeContext(receivedAt: S.receivedAt), inputs: inputs)
            inputs.take(decision)
            return decision
        }

        /// Sells 5 of the batch to `buyer` (an operator id) or, when nil, to a buyer named as text.
        mutating func sell(to buyer: String?, carrierPermit: String? = nil) throws -> EntryDecision {
            let sale = Sale(batchCode: batch, childCode: S.code(2), buyerOperatorId: buyer,
                            buyerName: buyer == nil ? "王老板" : nil, quantity: S.kg(5), time: marketMorning + minute,
                            carrier: carrierPermit.map { _ in "海南琼运危险货物运输有限公司" }, carrierPermit: carrierPermit,
                            vehiclePlate: carrierPermit.map { _ in "琼A·D1234" })
            return push(try a.append(.sale(sale), id: "s", at: marketMorning + minute))
        }
    }

    @Test func aRestrictedPesticideSoldToALicensedBuyerOpensNoConflict() throws {
        var shop = try Shop(product: Self.omethoate, licences: [Self.pesticide])
        let decision = try shop.sell(to: Self.buyer)
        #expect(decision.verdict == .applied)
        #expect(decision.conflicts.isEmpty)
    }

    @Test func anUnrestrictedPesticideNeedsNoBuyerLicence() throws {
        var shop = try Shop(product: Self.imidacloprid, licences: [])
        #expect(try shop.sell(to: nil).conflicts.isEmpty)
    }

    /// No licence, one expired on the sale's day, or one of the wrong kind: the sale stands and is flagged.
    @Test(arguments: [
        ([Licence](), "no pesticide_operating_licence on record"),
        ([expired], "pesticide_operating_licence 农药经营琼2019460107002 expired 2024-10-31"),
        ([chemicals], "no pesticide_operating_licence (holds hazardous_chemicals_licence only)"),
    ])
    func aRestrictedPesticideSoldWithoutAValidLicenceIsRecordedAndFlagged(licences: [Licence], problem: String) throws {
        var shop = try Shop(product: Self.omethoate, licences: licences)
        let decision = try shop.sell(to: Self.buyer)
        #expect(decision.verdict == .conflict)
        #expect(decision.reasonCode == "unlicensed_sale")
        let finding = try #require(decision.conflicts.first)
        #expect(finding.kind == .unlicensedSale)
        #expect(finding.subject == "unlicensed:s")
        #expect(finding.target == "s")
        #expect(finding.candidates == [CandidateRef(eventId: "s", value: "buyer \(Self.buyer): \(problem)")])
        // The sale counts: never refused, the batch's balance takes it.
        #expect(shop.inputs.batches[shop.batch]?.sold == S.kg(5))
    }

    @Test func aBuyerNamedOnlyAsTextHoldsNoLicence() throws {
        var shop = try Shop(product: Self.omethoate, licences: [])
        let finding = try #require(try shop.sell(to: nil).conflicts.first)
        #expect(finding.candidates.map(\.value) == ["buyer 王老板: no pesticide_operating_licence on record"])
    }

    /// A hazardous good needs the buyer's 危险化学品经营许可证 and the carrier's permit, whatever the product.
    @Test func aHazardousDeliveryNeedsTheBuyersLicenceAndTheCarriersPermit() throws {
        var licensed = try Shop(product: Self.lpg, licences: [Self.chemicals])
        #expect(try licensed.sell(to: Self.buyer, carrierPermit: "琼交运管许可海字460100000321号").conflicts.isEmpty)

        var noCarrier = try Shop(product: Self.lpg, licences: [Self.chemicals])
        let finding = try #require(try noCarrier.sell(to: Self.buyer).conflicts.first)
        #expect(finding.kind == .unlicensedSale)
        #expect(finding.candidates.map(\.value) == ["carrier: no dangerous_goods_transport_permit"])
    }

    /// A licence registered later (a device syncing late) counts for sales merged after it, not before.
    @Test func aLicenceRecordedLaterCountsForLaterSalesOnly() throws {
        var shop = try Shop(product: Self.omethoate, licences: [])
        #expect(try shop.sell(to: Self.buyer).verdict == .conflict)
        var registered = Operator(id: Self.buyer, node: S.node, name: "澄迈县金江镇绿丰农资店", kind: .organisation)
        registered.licences = [Self.pesticide]
        #expect(try shop.push(shop.a.append(.operatorRegistration(registered), id: "reg", at: marketMorning + 2 * Self.minute))
            .verdict == .applied)
        #expect(shop.inputs.operators[Self.buyer]?.licences == [Self.pesticide])
        // The open conflict stays for an admin; a second sale now finds the licence.
        #expect(shop.inputs.conflicts.open[ConflictBook.Key(kind: .unlicensedSale, subject: "unlicensed:s")] == ["s"])
        let second = Sale(batchCode: shop.batch, childCode: S.code(3), buyerOperatorId: Self.buyer, quantity: S.kg(1),
                          time: marketMorning + 3 * Self.minute)
        #expect(try shop.push(shop.a.append(.sale(second), id: "s2", at: marketMorning + 3 * Self.minute)).conflicts.isEmpty)
    }

    @Test func theProfilesRequireTheBuyersLicenceOnlyForRestrictedFarmInputs() {
        #expect(LicenceRules.saleRequirements(.init(industry: .farmInput, restricted: false)).isEmpty)
        #expect(LicenceRules.saleRequirements(.init(industry: .farmInput, restricted: true)).map(\.identifier)
            == [.pesticideOperatingLicence])
        #expect(LicenceRules.saleRequirements(.init(industry: .hazardousGoods, restricted: false)).map(\.identifier)
            == [.hazardousChemicalsLicence, .dangerousGoodsTransportPermit])
        #expect(LicenceRules.saleRequirements(.init(industry: .edibleFarmProduct, restricted: false)).isEmpty)
    }

    @Test func aLicenceIsCheckedAsTyped() throws {
        let licence = try Licence.checked(kind: "pesticide_operating_licence", number: " 农药经营琼2026469023007 ",
                                          validFrom: "2026-04-12", validUntil: "2031-04-11")
        #expect(licence == Self.pesticide)
        #expect(licence.isValid(on: "2031-04-11") && !licence.isValid(on: "2031-04-12"))
        #expect(throws: TraceSyncError.self) {
            try Licence.checked(kind: "un_number", number: "UN1075", validFrom: "2026-01-01", validUntil: "2027-01-01")
        }
        #expect(throws: TraceSyncError.self) {
            try Licence.checked(kind: "pesticide_operating_licence", number: "农药经营琼2026469023007",
                                validFrom: "2031-04-11", validUntil: "2026-04-12")
        }
    }

    /// The bundled catalogue holds the fixtures' farm inputs and hazardous goods, restricted ones marked.
    @Test func theCatalogueMarksTheRestrictedProducts() throws {
        let products = try BundledMasterData.products()
        let restricted = products.filter(\.isRestricted).map(\.code)
        #expect(restricted == ["600104", "800401"])
        #expect(products.first { $0.code == Self.lpg }?.industry == "hazardous_goods")
    }
}
