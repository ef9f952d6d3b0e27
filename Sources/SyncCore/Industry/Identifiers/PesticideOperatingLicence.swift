/// A pesticide operating licence number (农药经营许可证编号, 农药经营许可管理办法, 农业部令2017年第5号). Licences
/// read 农药经营, the province's abbreviation and a run of digits (year of issue, the issuing authority's GB/T 2260
/// code and a serial), e.g. 农药经营琼2021469023007. The exact rule was not found in the sources searched, so only
/// this outline is checked: the prefix, a province, and 10 to 16 digits.
public enum PesticideOperatingLicence {
    static let prefix = "农药经营"

    /// Checks `input` and returns it without surrounding spaces.
    /// - Throws: `TraceSyncError` `bad_licence_number`.
    public static func validate(_ input: String, field: String = "pesticide-operating-licence") throws -> String {
        let number = input.trimmingSpaces
        guard let rest = IdentifierScanning.dropping(prefix, from: number), let province = rest.first,
              ProvinceAbbreviation.contains(province), (10...16).contains(rest.count - 1),
              IdentifierScanning.isDigits(rest.dropFirst()) else {
            throw TraceSyncError(
                .badLicenceNumber, field: field,
                zh: "农药经营许可证编号「\(input)」格式错误：应为「农药经营」+ 省简称 + 10 至 16 位数字，如 农药经营琼2021469023007，请对照许可证输入。",
                en: "pesticide operating licence \"\(input)\" is not valid: it is 农药经营, the province's abbreviation and 10 to 16 digits, e.g. 农药经营琼2021469023007; copy it from the licence."
            )
        }
        return number
    }
}
