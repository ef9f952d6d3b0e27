/// The one-character abbreviations (简称) of China's provincial-level divisions, as licence numbers begin with them
/// (琼 for Hainan). Both common forms are listed where two exist (贵/黔, 云/滇, 川/蜀, 甘/陇, 陕/秦).
enum ProvinceAbbreviation {
    static let all: Set<Character> = [
        "京", "津", "冀", "晋", "蒙", "辽", "吉", "黑", "沪", "苏", "浙", "皖", "闽", "赣", "鲁", "豫", "鄂", "湘",
        "粤", "桂", "琼", "渝", "川", "蜀", "贵", "黔", "云", "滇", "藏", "陕", "秦", "甘", "陇", "青", "宁", "新",
    ]

    /// Whether `character` abbreviates a province.
    static func contains(_ character: Character) -> Bool { all.contains(character) }
}
