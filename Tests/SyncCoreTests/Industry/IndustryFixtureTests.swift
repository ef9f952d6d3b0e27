import Testing
import SyncCore

@Suite("Industry fixtures")
struct IndustryFixtureTests {
    static let fixtures = (try? IndustryFixtures.all()) ?? []

    @Test func everyIndustryButTheMarketsHasFixtures() throws {
        // Edible farm products keep their catalogue in Fixtures/master and their nodes in Fixtures/demo.
        #expect(Self.fixtures.map(\.industry) == [.drug, .farmInput, .food, .hazardousGoods, .specialEquipment])
    }

    @Test(arguments: fixtures.map(\.industry))
    func everyIdentifierValidatesUnderItsIndustrysProfileOnItsHolder(_ industry: Industry) throws {
        let fixtures = try #require(Self.fixtures.first { $0.industry == industry })
        let profile = try #require(try BundledIndustryProfiles.profile(for: industry))
        let groups: [(IdentifierHolder, [IndustryFixtures.Entry])] = [
            (.product, fixtures.products), (.item, fixtures.items), (.unit, fixtures.units), (.node, fixtures.nodes),
        ]
        var checked = 0
        for (holder, entries) in groups {
            let declared = Set(profile.identifiers(on: holder).map(\.kind))
            let required = profile.identifiers(on: holder).filter(\.required).map(\.kind.rawValue)
            for entry in entries {
                for (name, value) in entry.identifiers {
                    let kind = try #require(IdentifierKind(rawValue: name), "\(name) is no identifier kind")
                    #expect(declared.contains(kind), "\(industry) declares no \(name) on \(holder)")
                    #expect(try profile.validate(kind, value) == value)
                    checked += 1
                }
                #expect(Set(required).isSubset(of: entry.identifiers.keys), "\(holder) lacks a required identifier")
            }
        }
        for licence in fixtures.licences {
            let kind = try #require(IdentifierKind(rawValue: licence.kind))
            #expect(profile.identifiers(on: .node).contains { $0.kind == kind })
            #expect(try profile.validate(kind, licence.number) == licence.number)
            #expect(licence.validFrom < licence.validUntil)
            checked += 1
        }
        #expect(checked >= fixtures.products.filter { !$0.identifiers.isEmpty }.count + fixtures.licences.count)
    }

    @Test(arguments: fixtures.map(\.industry))
    func everyNodeHasOneOfItsIndustrysKindsAndEveryReferenceResolves(_ industry: Industry) throws {
        let fixtures = try #require(Self.fixtures.first { $0.industry == industry })
        let profile = try #require(try BundledIndustryProfiles.profile(for: industry))
        let nodeCodes = Set(fixtures.nodes.compactMap(\.code))
        let productCodes = Set(fixtures.products.compactMap(\.code))
        #expect(fixtures.nodes.allSatisfy { profile.hasNodeKind($0.kind ?? "") })
        #expect(fixtures.nodes.allSatisfy { $0.code?.count == 8 && $0.code?.allSatisfy(\.isASCIIDigit) == true })
        #expect(fixtures.licences.allSatisfy { nodeCodes.contains($0.holder) })
        #expect((fixtures.items + fixtures.units).allSatisfy { productCodes.contains($0.product ?? "") })
        #expect(productCodes.count == fixtures.products.count)
    }

    /// A device records receipts only of products in the bundled catalogue, so every traded product of every
    /// industry's fixtures is in it, under its industry. Special equipment is not traded in batches: its products are
    /// the kinds of registered units (`field equipment register`), which no receipt names.
    @Test(arguments: fixtures.map(\.industry).filter { $0 != .specialEquipment })
    func everyTradedProductOfTheFixturesIsInTheBundledCatalogue(_ industry: Industry) throws {
        let fixtures = try #require(Self.fixtures.first { $0.industry == industry })
        let bundled = Dictionary(uniqueKeysWithValues: try BundledMasterData.products().map { ($0.code, $0) })
        for product in fixtures.products {
            let code = try #require(product.code)
            let found = bundled[code]
            #expect(found != nil, "\(industry) product \(code) is not in the bundled catalogue")
            #expect(found?.industry == industry.rawValue, "\(code) is bundled under \(found?.industry ?? "-")")
            #expect((found?.isRestricted ?? false) == (product.restricted ?? false), "\(code)'s restricted flag")
        }
    }

    @Test func theCataloguesHoldWhatEachIndustryTraces() throws {
        let byIndustry = Dictionary(uniqueKeysWithValues: Self.fixtures.map { ($0.industry, $0) })
        #expect(byIndustry[.drug]?.products.allSatisfy { $0.identifiers["drug_approval_number"] != nil } == true)
        #expect(byIndustry[.drug]?.nodes.contains { $0.kind == "pharmacy" } == true)
        #expect(byIndustry[.drug]?.nodes.contains { $0.kind == "hospital" } == true)
        #expect(byIndustry[.farmInput]?.products.contains { $0.restricted == true } == true)
        #expect(byIndustry[.farmInput]?.nodes.contains { $0.kind == "farm_input_shop" && $0.identifiers.isEmpty == false } == true)
        #expect(byIndustry[.specialEquipment]?.units.count ?? 0 >= 3)
        #expect(byIndustry[.hazardousGoods]?.products.allSatisfy { $0.identifiers["un_number"] != nil } == true)
        #expect(byIndustry[.hazardousGoods]?.nodes.contains { $0.kind == "carrier" } == true)
    }
}
