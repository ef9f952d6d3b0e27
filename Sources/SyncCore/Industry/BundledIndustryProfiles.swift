import Foundation

/// The industry profiles shipped with the package, one file each in `MasterData/industries`.
public enum BundledIndustryProfiles {
    /// Every bundled profile, by industry.
    /// - Throws: `master_data_missing` if the folder is missing, or `bad_industry_profile` for a bad file.
    public static func all() throws -> [IndustryProfile] {
        guard let folder = Bundle.module.url(forResource: "industries", withExtension: nil, subdirectory: "MasterData"),
              let urls = try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
                  .filter({ $0.pathExtension == "json" }),
              !urls.isEmpty else {
            throw TraceSyncError(
                .masterDataMissing,
                zh: "找不到内置行业配置 MasterData/industries，安装包不完整，请重新安装。",
                en: "the bundled industry profiles MasterData/industries are missing; the installation is incomplete, reinstall it."
            )
        }
        return try urls.map { try IndustryProfile.decode(Data(contentsOf: $0), file: $0.lastPathComponent) }
            .sorted { $0.industry < $1.industry }
    }

    /// The bundled profile of `industry`, or nil if none is bundled.
    public static func profile(for industry: Industry) throws -> IndustryProfile? {
        try all().first { $0.industry == industry }
    }
}
