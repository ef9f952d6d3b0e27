/// A food production licence number (食品生产许可证编号, 食品生产许可管理办法): SC and 14 digits, e.g.
/// SC10646010600123: the 3-digit food category, the 2-digit province, 2-digit city and 2-digit county codes, a
/// 4-digit serial and a check digit (its algorithm is not published, so only the form is checked).
public enum FoodProductionLicence {
    /// Checks `input` and returns it without surrounding spaces.
    /// - Throws: `TraceSyncError` `bad_food_licence`.
    public static func validate(_ input: String, field: String = "food-production-licence") throws -> String {
        try FoodLicenceForm.validate(input, prefix: "SC", field: field,
                                     zh: "食品生产许可证编号", en: "food production licence", example: "SC10646010600123")
    }
}

/// A food business licence number (食品经营许可证编号, 食品经营许可和备案管理办法): JY and 14 digits, e.g.
/// JY24601060012345: the business form's digit, the 2-digit province, city and county codes, a 6-digit serial and a
/// check digit (not published, so only the form is checked).
public enum FoodBusinessLicence {
    /// Checks `input` and returns it without surrounding spaces.
    /// - Throws: `TraceSyncError` `bad_food_licence`.
    public static func validate(_ input: String, field: String = "food-business-licence") throws -> String {
        try FoodLicenceForm.validate(input, prefix: "JY", field: field,
                                     zh: "食品经营许可证编号", en: "food business licence", example: "JY24601060012345")
    }
}

/// The form both food licences share: two capitals and 14 digits.
enum FoodLicenceForm {
    static func validate(_ input: String, prefix: String, field: String,
                         zh: String, en: String, example: String) throws -> String {
        let number = input.trimmingSpaces
        guard let digits = IdentifierScanning.dropping(prefix, from: number), digits.count == 14,
              IdentifierScanning.isDigits(digits) else {
            throw TraceSyncError(
                .badFoodLicence, field: field,
                zh: "\(zh)「\(input)」格式错误：应为大写 \(prefix) 加 14 位数字，如 \(example)，请对照许可证输入。",
                en: "\(en) \"\(input)\" is not valid: it is a capital \(prefix) and 14 digits, e.g. \(example); copy it from the licence."
            )
        }
        return number
    }
}
