extension CreditLine {
    /// Whether `test` holds of the rep and product of any of `lines`, asked once for the lines
    /// sharing their names' index (`namesIndex`: the same rep and labels) and once for each line
    /// held apart: a reader asking about every line of a sheet, most of them a few reps', reads
    /// each line's index in place, never the line copied whole.
    package static func anyNames(
        of lines: [CreditLine], where test: (_ rep: String, _ product: String?) -> Bool
    ) -> Bool {
        var asked: [Bool] = []
        for position in lines.indices {
            if let names = lines[position].namesIndex {
                let index = Int(names)
                if index >= asked.count {
                    asked.append(contentsOf: repeatElement(false, count: max(index + 1 - asked.count, asked.count)))
                } else if asked[index] {
                    continue
                }
                asked[index] = true
            }
            if test(lines[position].rep, lines[position].product) { return true }
        }
        return false
    }
}
