// swift-tools-version: 6.0
import PackageDescription

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
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // C libraries: a module map and a shim header each, nothing else.
        .systemLibrary(
            name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),

        // Reading: container → XML events → cells.
        .target(name: "FileAccess", dependencies: [.product(name: "SystemPackage", package: "swift-system")]),
        .target(name: "ZIP", dependencies: ["CZlib", "FileAccess"]),
        .target(name: "XMLStream", dependencies: ["CLibXML2"]),
        .target(name: "Primitives"),
        .target(name: "Spreadsheet", dependencies: ["Primitives"]),
        .target(name: "XLSX", dependencies: ["ZIP", "XMLStream", "Spreadsheet", "Primitives", "Parallel"]),
        .target(name: "CSV", dependencies: ["Spreadsheet", "FileAccess"]),

        // Converting: a workbook or CSV file written as XLSX, CSV or JSON.
        .target(name: "Conversion", dependencies: ["Spreadsheet", "XLSX", "CSV", "Ingest"]),

        // Calculating: plan → statement. The engine knows no file format.
        .target(name: "Parallel"),
        .target(name: "Commission", dependencies: ["Primitives", "Parallel"]),
        // The same calculation over more lines than memory holds: compact records, spilled to disk.
        .target(name: "SpooledEngine", dependencies: ["Commission", "FileAccess", "Parallel"]),
        .target(
            name: "PlanFile",
            dependencies: ["Commission", "Primitives", "FileAccess", .product(name: "Yams", package: "Yams")]),
        .target(name: "Formula", dependencies: ["Primitives", "Spreadsheet", "Parallel"]),
        .target(name: "Recalculation", dependencies: ["Formula", "XLSX", "Spreadsheet"]),
        .target(
            name: "Ingest",
            dependencies: ["Commission", "Primitives", "Spreadsheet", "CSV", "XLSX", "Parallel", "FileAccess"]),

        // Reconciling: the hand-kept workbook against the engine.
        .target(
            name: "Reconciliation",
            dependencies: [
                "Commission", "Ingest", "Primitives", "Spreadsheet", "Recalculation", "Formula", "FileAccess",
                "SpooledEngine",
            ]),

        // Inferring: the plan a hand-kept workbook follows, proposed from its figures and formulas.
        .target(
            name: "Inference",
            dependencies: [
                "Commission", "Ingest", "Spreadsheet", "Parallel", "Formula", "Primitives", "Reconciliation",
            ]),

        // Reviewing and forecasting: attainment against objectives, now and at period end.
        .target(name: "Review", dependencies: ["Commission"]),
        .target(name: "Forecast", dependencies: ["Commission"]),

        // Rendering: statements and reports as workbooks.
        .target(
            name: "Reports",
            dependencies: [
                "Commission", "Review", "Forecast", "Reconciliation", "Spreadsheet", "XLSX", "CSV", "Parallel",
                "Ingest", "XMLStream", "Recalculation", "Primitives", .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .target(
            name: "Correction",
            dependencies: [
                "ZIP", "XLSX", "XMLStream", "Spreadsheet", "Commission", "Reconciliation", "Reports", "Formula",
                "Recalculation",
            ]),

        // Serving: the reconcile-and-correct workflow as local web pages and a JSON API.
        .target(
            name: "Server",
            dependencies: [
                "Primitives", "Spreadsheet", "XLSX", "Commission", "PlanFile", "Ingest", "Reconciliation", "Correction",
                "Reports", "Review", "Forecast", "Ledger",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]),

        // The ledger: closed periods as paid (SQLite through GRDB), and true-ups against them.
        .target(
            name: "Ledger",
            dependencies: [
                "Commission", "Spreadsheet", "CSV", "XLSX", "Reports",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"),
            ]),

        // The command line: parses arguments and calls the stages.
        .executableTarget(
            name: "trueup",
            dependencies: [
                "Spreadsheet", "XLSX", "CSV", "Commission", "PlanFile", "Ingest", "Reports",
                "Reconciliation", "Correction", "Review", "Forecast", "Inference", "Recalculation", "Server", "Ledger",
                "Conversion", "SpooledEngine", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ZIPTests", dependencies: ["ZIP", "TestSupport"]),
        .testTarget(name: "SpreadsheetTests", dependencies: ["Spreadsheet", "TestSupport"]),
        .testTarget(
            name: "XLSXTests", dependencies: ["XLSX", "ZIP", "Spreadsheet", "CSV", "XMLStream", "TestSupport"],
            exclude: ["Fixtures", "Golden"]),
        .testTarget(name: "CSVTests", dependencies: ["CSV", "Spreadsheet", "TestSupport"]),
        .testTarget(
            name: "CommissionTests",
            dependencies: [
                "Commission", "PlanFile", "Ingest", "Reports", "Parallel", "Primitives", "SpooledEngine", "FileAccess",
                "TestSupport",
            ]),
        .testTarget(
            name: "ReconciliationTests",
            dependencies: [
                "Reconciliation", "Commission", "PlanFile", "Ingest", "Correction", "Reports", "ZIP", "XLSX",
                "Spreadsheet", "TestSupport",
            ]),
        .testTarget(
            name: "ReviewTests", dependencies: ["Review", "Forecast", "Commission", "PlanFile", "Ingest", "Reports"]),
        .testTarget(
            name: "ReportsTests",
            dependencies: [
                "Reports", "Reconciliation", "XLSX", "Spreadsheet", "Recalculation", "TestSupport",
            ]),
        .testTarget(
            name: "ConversionTests", dependencies: ["Conversion", "XLSX", "CSV", "Spreadsheet", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport"]),
        .testTarget(
            name: "InferenceTests",
            dependencies: ["Inference", "Commission", "PlanFile", "Ingest", "Spreadsheet", "TestSupport", "XLSX"]),
        .testTarget(
            name: "FormulaTests",
            dependencies: ["Formula", "Primitives", "Recalculation", "Spreadsheet", "TestSupport"]),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Server", "XLSX", "Spreadsheet", "TestSupport", "Ledger", "Commission",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]),
        .testTarget(
            name: "LedgerTests",
            dependencies: [
                "Ledger", "Commission", "PlanFile", "Ingest", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)

// Fuzz targets (scripts/fuzz, docs/fuzzing.md): libFuzzer executables, built only when
// TRUEUP_FUZZ is set, into their own scratch path with `-sanitize=fuzzer,address`.
if Context.environment["TRUEUP_FUZZ"] != nil {
    package.targets += [
        .target(name: "FuzzSupport", path: "Fuzz/FuzzSupport"),
        .executableTarget(name: "FuzzZIP", dependencies: ["FuzzSupport", "ZIP"], path: "Fuzz/FuzzZIP"),
        .executableTarget(
            name: "FuzzXMLStream", dependencies: ["FuzzSupport", "XMLStream"], path: "Fuzz/FuzzXMLStream"),
        .executableTarget(
            name: "FuzzXLSX", dependencies: ["FuzzSupport", "XLSX", "ZIP", "Spreadsheet"], path: "Fuzz/FuzzXLSX"),
        .executableTarget(name: "FuzzCSV", dependencies: ["FuzzSupport", "CSV"], path: "Fuzz/FuzzCSV"),
        .executableTarget(name: "FuzzPlan", dependencies: ["FuzzSupport", "PlanFile"], path: "Fuzz/FuzzPlan"),
        .executableTarget(
            name: "FuzzFormula", dependencies: ["FuzzSupport", "Formula", "Spreadsheet"], path: "Fuzz/FuzzFormula"),
    ]
}
