import Testing
import SyncCore

/// The code of the refusal `body` throws, or nil if it accepts.
func refusalCode(_ body: () throws -> String) -> TraceSyncError.Code? {
    do {
        _ = try body()
        return nil
    } catch let error as TraceSyncError {
        return error.code
    } catch {
        return .internalError
    }
}

/// One identifier a validator must refuse, and why.
struct NearMiss: CustomTestStringConvertible, Sendable {
    let kind: IdentifierKind
    let value: String
    let why: String
    var testDescription: String { "\(kind.rawValue) \(value) (\(why))" }
}

@Suite("Industry identifier validators")
struct IdentifierValidatorTests {
    /// Values of the fixtures' form (the fixtures themselves are checked in IndustryFixtureTests) and the
    /// variants each format allows.
    static let valid: [(IdentifierKind, String)] = [
        (.drugApprovalNumber, "国药准字H46020101"), (.drugApprovalNumber, "国药准字Z46020057"),
        (.drugApprovalNumber, "国药准字S20230041"), (.drugApprovalNumber, "国药准字J20150032"),
        (.drugApprovalNumber, "国药准字HJ20210088"), (.drugApprovalNumber, "国药准字ZC20220003"),
        (.drugTraceCode, "81462350000123450017"),
        (.pesticideRegistrationNumber, "PD20183021"), (.pesticideRegistrationNumber, "WP20160123"),
        (.pesticideRegistrationNumber, "LS20071573"), (.pesticideRegistrationNumber, "PD85150-2"),
        (.pesticideRegistrationNumber, "PD84104"),
        (.veterinaryDrugApprovalNumber, "兽药字220651234"), (.veterinaryDrugApprovalNumber, "兽药生字（2015）110012345"),
        (.veterinaryDrugApprovalNumber, "兽药添字(2014)150023456"),
        (.specialEquipmentCode, "311010123202300457"), (.specialEquipmentCode, "23T046003202100012"),
        (.specialEquipmentCode, "215046003201800208"), (.specialEquipmentCode, "3110101232024A0001"),
        (.useRegistrationNumber, "梯11琼A00023(23)"), (.useRegistrationNumber, "容15琼A01288（18）"),
        (.unNumber, "UN1075"), (.unNumber, "UN0336"),
        (.hazardClass, "2.1"), (.hazardClass, "3"), (.hazardClass, "1.4G"), (.hazardClass, "1.1"), (.hazardClass, "6.2"),
        (.drugOperatingLicence, "琼CA898100123"), (.drugOperatingLicence, "琼AA898000045"), (.drugOperatingLicence, "粤DB020100001"),
        (.pesticideOperatingLicence, "农药经营琼2021469023007"),
        (.specialEquipmentLicence, "TS3346012-2027"), (.specialEquipmentLicence, "TS2210890—2015"),
        (.foodProductionLicence, "SC10646010600123"), (.foodBusinessLicence, "JY24601080012345"),
        (.hazardousChemicalsLicence, "琼海应急经字〔2023〕000123"),
        (.dangerousGoodsTransportPermit, "琼交运管许可海字460100000321号"),
        (.creditCode, "91350100M000100Y43"),
    ]

    static let nearMisses: [NearMiss] = [
        NearMiss(kind: .drugApprovalNumber, value: "国药准字X46020101", why: "wrong category letter"),
        NearMiss(kind: .drugApprovalNumber, value: "国药准字h46020101", why: "lower case"),
        NearMiss(kind: .drugApprovalNumber, value: "国药准字H4602010", why: "7 digits"),
        NearMiss(kind: .drugApprovalNumber, value: "国药准字H460201011", why: "9 digits"),
        NearMiss(kind: .drugApprovalNumber, value: "国食准字H46020101", why: "wrong prefix"),
        NearMiss(kind: .drugApprovalNumber, value: "H46020101", why: "prefix missing"),
        NearMiss(kind: .drugApprovalNumber, value: "国药准字JC20210088", why: "J is already an import"),
        NearMiss(kind: .drugTraceCode, value: "8146235000012345001", why: "19 digits"),
        NearMiss(kind: .drugTraceCode, value: "814623500001234500170", why: "21 digits"),
        NearMiss(kind: .drugTraceCode, value: "8146235000012345001A", why: "a letter"),
        NearMiss(kind: .pesticideRegistrationNumber, value: "pd20183021", why: "lower case"),
        NearMiss(kind: .pesticideRegistrationNumber, value: "PX20183021", why: "wrong prefix"),
        NearMiss(kind: .pesticideRegistrationNumber, value: "PD2018302", why: "7 digits"),
        NearMiss(kind: .pesticideRegistrationNumber, value: "PD18183021", why: "year 1818"),
        NearMiss(kind: .pesticideRegistrationNumber, value: "LS85150", why: "legacy form is PD or WP only"),
        NearMiss(kind: .veterinaryDrugApprovalNumber, value: "兽药字22065123", why: "8 digits"),
        NearMiss(kind: .veterinaryDrugApprovalNumber, value: "兽药准字220651234", why: "wrong category"),
        NearMiss(kind: .veterinaryDrugApprovalNumber, value: "兽药字（15）220651234", why: "2-digit year"),
        NearMiss(kind: .specialEquipmentCode, value: "31101012320230045", why: "17 characters"),
        NearMiss(kind: .specialEquipmentCode, value: "011010123202300457", why: "category starts with 0"),
        NearMiss(kind: .specialEquipmentCode, value: "311099123202300457", why: "region 99"),
        NearMiss(kind: .specialEquipmentCode, value: "311010123182300457", why: "year 1823"),
        NearMiss(kind: .specialEquipmentCode, value: "3110101232023a0457", why: "lower case"),
        NearMiss(kind: .useRegistrationNumber, value: "梯11琼a00023(23)", why: "lower case"),
        NearMiss(kind: .useRegistrationNumber, value: "电11琼A00023(23)", why: "wrong kind"),
        NearMiss(kind: .useRegistrationNumber, value: "梯11琼A0023(23)", why: "4-digit serial"),
        NearMiss(kind: .useRegistrationNumber, value: "梯11XA00023(23)", why: "no province"),
        NearMiss(kind: .unNumber, value: "un1075", why: "lower case"),
        NearMiss(kind: .unNumber, value: "UN107", why: "3 digits"),
        NearMiss(kind: .unNumber, value: "UN10750", why: "5 digits"),
        NearMiss(kind: .unNumber, value: "NA1075", why: "wrong prefix"),
        NearMiss(kind: .unNumber, value: "UN0000", why: "no substance"),
        NearMiss(kind: .hazardClass, value: "2", why: "class 2 needs its division"),
        NearMiss(kind: .hazardClass, value: "2.4", why: "no division 2.4"),
        NearMiss(kind: .hazardClass, value: "3.1", why: "class 3 has no divisions"),
        NearMiss(kind: .hazardClass, value: "10", why: "no class 10"),
        NearMiss(kind: .hazardClass, value: "1.4g", why: "lower case"),
        NearMiss(kind: .hazardClass, value: "2.1G", why: "compatibility groups are class 1's"),
        NearMiss(kind: .drugOperatingLicence, value: "琼EA898100123", why: "no business E"),
        NearMiss(kind: .drugOperatingLicence, value: "琼ca898100123", why: "lower case"),
        NearMiss(kind: .drugOperatingLicence, value: "琼CA89810012", why: "8 digits"),
        NearMiss(kind: .drugOperatingLicence, value: "XCA898100123", why: "no province"),
        NearMiss(kind: .pesticideOperatingLicence, value: "农药琼2021469023007", why: "wrong prefix"),
        NearMiss(kind: .pesticideOperatingLicence, value: "农药经营琼202146", why: "6 digits"),
        NearMiss(kind: .specialEquipmentLicence, value: "ts3346012-2027", why: "lower case"),
        NearMiss(kind: .specialEquipmentLicence, value: "TS334601-2027", why: "6 digits"),
        NearMiss(kind: .specialEquipmentLicence, value: "TS33460122027", why: "no dash"),
        NearMiss(kind: .foodProductionLicence, value: "SC1064601060012", why: "13 digits"),
        NearMiss(kind: .foodProductionLicence, value: "sc10646010600123", why: "lower case"),
        NearMiss(kind: .foodBusinessLicence, value: "SC24601080012345", why: "SC is not a business licence"),
        NearMiss(kind: .hazardousChemicalsLicence, value: "琼海应急经字", why: "no digit"),
        NearMiss(kind: .hazardousChemicalsLicence, value: "琼海 应急经字 2023 123", why: "spaces"),
        NearMiss(kind: .hazardousChemicalsLicence, value: "qiong2023-000123", why: "lower case"),
        NearMiss(kind: .creditCode, value: "91350100M000100Y44", why: "wrong check character"),
    ]

    /// The code each kind refuses with.
    static func expectedCode(_ kind: IdentifierKind) -> TraceSyncError.Code {
        switch kind {
        case .creditCode: .creditCodeCheck
        case .drugApprovalNumber: .badDrugApprovalNumber
        case .drugTraceCode: .badDrugTraceCode
        case .veterinaryDrugApprovalNumber: .badVeterinaryApproval
        case .pesticideRegistrationNumber: .badPesticideRegistration
        case .specialEquipmentCode: .badEquipmentCode
        case .useRegistrationNumber: .badUseRegistration
        case .unNumber: .badUnNumber
        case .hazardClass: .badHazardClass
        case .foodProductionLicence, .foodBusinessLicence: .badFoodLicence
        case .drugOperatingLicence, .pesticideOperatingLicence, .specialEquipmentLicence, .hazardousChemicalsLicence,
             .dangerousGoodsTransportPermit: .badLicenceNumber
        }
    }

    @Test(arguments: valid.map { NearMiss(kind: $0.0, value: $0.1, why: "valid") })
    func aValidIdentifierIsAcceptedAsItIs(_ sample: NearMiss) throws {
        #expect(try sample.kind.validate(sample.value) == sample.value)
        #expect(try sample.kind.validate("  \(sample.value) ") == sample.value)
    }

    @Test(arguments: nearMisses)
    func aNearMissIsRefusedWithItsKindsCode(_ miss: NearMiss) {
        #expect(refusalCode { try miss.kind.validate(miss.value) } == Self.expectedCode(miss.kind))
    }

    @Test func everyKindHasANearMissAndAValidSample() {
        #expect(Set(Self.nearMisses.map(\.kind)).union([.dangerousGoodsTransportPermit]) == Set(IdentifierKind.allCases))
        #expect(Set(Self.valid.map(\.0)) == Set(IdentifierKind.allCases))
    }

    @Test func aRefusalNamesTheFieldAndTheValueInBothLanguages() throws {
        let error = try #require(throws: TraceSyncError.self) {
            try IdentifierKind.unNumber.validate("UN107", field: "un")
        }
        #expect(error.field == "un")
        #expect(error.message.zh.contains("UN107") && error.message.zh.contains("联合国编号"))
        #expect(error.message.en.contains("UN107") && error.message.en.contains("UN number"))
    }

    @Test func everySingleDigitChangeOfACreditCodeInALicenceHolderIsRefused() {
        let code = Array("91460100MA5RK7D30H")
        for index in 0..<17 where code[index].isASCIIDigit {
            var typo = code
            typo[index] = code[index] == "0" ? "1" : "0"
            #expect(refusalCode { try IdentifierKind.creditCode.validate(String(typo)) } != nil)
        }
    }
}
