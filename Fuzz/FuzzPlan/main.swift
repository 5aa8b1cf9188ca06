import FuzzSupport
import PlanFile

// The plan reader: YAML (through Yams) and every section's checks, on text of any shape.
FuzzDriver.run { data, count in
    let text = String(decoding: FuzzDriver.bytes(data, count), as: UTF8.self)
    _ = try? PlanFile.parse(text, file: "plan.yaml")
    return 0
}
