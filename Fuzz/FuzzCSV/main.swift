import CSV
import FuzzSupport

// The CSV reader: encoding detection, the `sep=` directive, delimiter sniffing and scanning.
FuzzDriver.run { data, count in
    let path = FuzzDriver.scratchFile(data, count, suffix: ".csv")
    let options = CSVOptions(limits: CSVLimits(maxRecordBytes: 1 << 20, maxFields: 4096))
    guard let reader = try? CSVReader(path: path, options: options) else { return 0 }
    var fields = 0
    try? reader.forEachRecord { record in fields &+= record.fields.count }
    return 0
}
