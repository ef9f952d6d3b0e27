import Testing
import SyncCore

@Suite("Bundled industry profiles")
struct IndustryProfileTests {
    @Test func theSixIndustriesOfTheProvincialPlanAreBundled() throws {
        let profiles = try BundledIndustryProfiles.all()
        #expect(profiles.map(\.industry) == Industry.provincialPlan.sorted())
        let names = Dictionary(uniqueKeysWithValues: profiles.map { ($0.industry, $0.name.zh) })
        #expect(names == [.edibleFarmProduct: "食用农产品", .food: "食品", .drug: "药品", .farmInput: "农业生产资料",
                          .specialEquipment: "特种设备", .hazardousGoods: "危险品"])
    }

    @Test func theMarketsKeepTodaysKindsAndEvents() throws {
        let profile = try #require(try BundledIndustryProfiles.profile(for: .edibleFarmProduct))
        for kind in ["wholesale_market", "farmers_market", "slaughterhouse", "supermarket", "canteen", "farm"] {
            #expect(profile.hasNodeKind(kind), "\(kind)")
        }
        #expect(profile.events.map(\.kind) == [.receipt, .inspection, .sale, .disposal, .correction, .voiding])
        #expect(profile.events.allSatisfy { $0.kind.journalKind != nil })
    }

    @Test func aHazardousGoodsSaleRequiresTheBuyersLicenceAndRecordsCarrierAndVehicle() throws {
        let profile = try #require(try BundledIndustryProfiles.profile(for: .hazardousGoods))
        let sale = try #require(profile.rule(for: .sale))
        #expect(sale.requires.contains(Requirement(identifier: .hazardousChemicalsLicence, of: .buyer)))
        #expect(sale.records == [.carrier, .vehicle])
        #expect(profile.identifiers(on: .product).filter(\.required).map(\.kind) == [.unNumber, .hazardClass])
    }

    @Test func aRestrictedFarmInputSaleRequiresTheBuyersLicenceOnlyWhenRestricted() throws {
        let profile = try #require(try BundledIndustryProfiles.profile(for: .farmInput))
        let sale = try #require(profile.rule(for: .sale))
        #expect(sale.requires.contains(Requirement(identifier: .pesticideOperatingLicence, of: .buyer, when: .restrictedProduct)))
        #expect(sale.requires.contains(Requirement(identifier: .pesticideOperatingLicence, of: .seller)))
        #expect(profile.hasNodeKind("farm_input_shop"))
    }

    @Test func aSpecialEquipmentUnitHasALifeAndNeverASale() throws {
        let profile = try #require(try BundledIndustryProfiles.profile(for: .specialEquipment))
        #expect(profile.rule(for: .sale) == nil)
        for kind: IndustryEventKind in [.registration, .installation, .periodicInspection, .repair, .decommissioning] {
            #expect(profile.rule(for: kind) != nil, "\(kind)")
        }
        #expect(profile.rule(for: .periodicInspection)?.records.contains(.dueDate) == true)
        #expect(profile.identifiers(on: .unit).first { $0.kind == .specialEquipmentCode }?.required == true)
    }

    @Test func drugsAreTracedToTheItemAndPacked() throws {
        let profile = try #require(try BundledIndustryProfiles.profile(for: .drug))
        #expect(profile.identifiers(on: .item).map(\.kind) == [.drugTraceCode])
        #expect(profile.rule(for: .packing) != nil && profile.rule(for: .unpacking) != nil)
        for kind in ["manufacturer", "wholesaler", "pharmacy", "hospital", "warehouse", "carrier"] {
            #expect(profile.hasNodeKind(kind), "\(kind)")
        }
    }

    @Test func anIdentifierTheIndustryDoesNotUseIsRefusedByName() throws {
        let profile = try #require(try BundledIndustryProfiles.profile(for: .drug))
        let error = try #require(throws: TraceSyncError.self) { try profile.validate(.unNumber, "UN1075") }
        #expect(error.code == .unknownIdentifier)
        #expect(error.message.zh.contains("药品") && error.message.en.contains("un_number"))
    }
}
