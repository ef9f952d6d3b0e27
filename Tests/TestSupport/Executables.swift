public import Foundation

/// The package's built executables and fixtures, found from the test runner.
public enum Executables {
    /// The package root: three levels up from this file (`Tests/TestSupport/Executables.swift`).
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built executable `name` (`field`, `sync-server`): next to the test runner in the build products
    /// directory, or in `.build/debug`; `<NAME>_EXECUTABLE` (e.g. `SYNC_SERVER_EXECUTABLE`) overrides.
    public static func url(_ name: String) -> URL? {
        let variable = name.uppercased().replacingOccurrences(of: "-", with: "_") + "_EXECUTABLE"
        if let explicit = ProcessInfo.processInfo.environment[variable] { return URL(fileURLWithPath: explicit) }
        var directories: [URL] = []
        for bundle in [Bundle.main] + Bundle.allBundles {
            directories.append(bundle.bundleURL)
            directories.append(bundle.bundleURL.deletingLastPathComponent())
        }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        directories.append(runner.deletingLastPathComponent())
        directories.append(packageRoot.appendingPathComponent(".build/debug"))
        return directories.lazy.map { $0.appendingPathComponent(name) }.first { candidate in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory)
                && !isDirectory.boolValue && FileManager.default.isExecutableFile(atPath: candidate.path)
        }
    }

    /// The path of a fixture, e.g. `import/weighing-sample.csv`.
    public static func fixture(_ name: String) -> String {
        packageRoot.appendingPathComponent("Fixtures").appendingPathComponent(name).path
    }
}
