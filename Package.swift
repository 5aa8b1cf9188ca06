// swift-tools-version: 6.0
import PackageDescription

/// The parsers' per-byte and per-element loops mutate parser state held in classes, which Swift
/// checks for exclusive access at run time on every access; those checks cost about a tenth of
/// reading time. The parsers are single-threaded and never re-enter, so release builds skip them.
let hotLoops: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "trueup",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "trueup", targets: ["trueup"]),
        .library(name: "Spreadsheet", targets: ["Spreadsheet"]),
        .library(name: "XLSX", targets: ["XLSX"]),
        .library(name: "CSV", targets: ["CSV"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // C libraries: a module map and a shim header each, nothing else.
        .systemLibrary(
            name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),

        // Reading: container → XML events → cells.
        .target(name: "ZIP", dependencies: ["CZlib"]),
        .target(name: "XMLStream", dependencies: ["CLibXML2"], swiftSettings: hotLoops),
        .target(name: "Spreadsheet"),
        .target(name: "XLSX", dependencies: ["ZIP", "XMLStream", "Spreadsheet"], swiftSettings: hotLoops),
        .target(name: "CSV", dependencies: ["Spreadsheet"], swiftSettings: hotLoops),

        // Calculating: plan → statement. The engine knows no file format.
        .target(name: "Parallel"),
        .target(name: "Commission", dependencies: ["Spreadsheet", "Parallel"]),
        .target(name: "PlanFile", dependencies: ["Commission", .product(name: "Yams", package: "Yams")]),
        .target(name: "Ingest", dependencies: ["Commission", "Spreadsheet", "CSV", "XLSX", "Parallel"]),

        // Reconciling: the hand-kept workbook against the engine.
        .target(name: "Reconciliation", dependencies: ["Commission", "Ingest", "Spreadsheet", "XLSX"]),

        // Reviewing and forecasting: attainment against objectives, now and at period end.
        .target(name: "Review", dependencies: ["Commission", "Spreadsheet"]),
        .target(name: "Forecast", dependencies: ["Commission", "Spreadsheet"]),

        // Rendering: statements and reports as workbooks.
        .target(name: "Reports", dependencies: ["Commission", "Review", "Forecast", "Spreadsheet", "XLSX", "CSV"]),
        .target(
            name: "Correction",
            dependencies: ["ZIP", "XLSX", "XMLStream", "Spreadsheet", "Commission", "Reconciliation", "Reports"]),

        // The ledger: closed periods as paid (SQLite through GRDB), and true-ups against them.
        .target(
            name: "Ledger",
            dependencies: [
                "Commission", "Spreadsheet", "CSV", "XLSX",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"),
            ]),

        // The command line: parses arguments and calls the stages.
        .executableTarget(
            name: "trueup",
            dependencies: [
                "Spreadsheet", "XLSX", "CSV", "Commission", "PlanFile", "Ingest", "Parallel", "Reports",
                "Reconciliation", "Correction", "Review", "Forecast", "Ledger",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ZIPTests", dependencies: ["ZIP"]),
        .testTarget(name: "SpreadsheetTests", dependencies: ["Spreadsheet", "TestSupport"]),
        .testTarget(
            name: "XLSXTests", dependencies: ["XLSX", "ZIP", "Spreadsheet", "CSV", "XMLStream", "TestSupport"],
            exclude: ["Fixtures", "Golden"]),
        .testTarget(name: "CSVTests", dependencies: ["CSV", "Spreadsheet"]),
        .testTarget(
            name: "CommissionTests", dependencies: ["Commission", "PlanFile", "Ingest", "Spreadsheet", "TestSupport"]),
        .testTarget(
            name: "ReconciliationTests",
            dependencies: [
                "Reconciliation", "Commission", "PlanFile", "Ingest", "Correction", "ZIP", "XLSX", "Spreadsheet",
            ]),
        .testTarget(name: "ReviewTests", dependencies: ["Review", "Forecast", "Commission", "PlanFile", "Ingest"]),
        .testTarget(name: "CLITests", dependencies: []),
        .testTarget(
            name: "LedgerTests",
            dependencies: ["Ledger", "Commission", "PlanFile", "Ingest", .product(name: "GRDB", package: "GRDB.swift")]),
    ],
    swiftLanguageModes: [.v6]
)
