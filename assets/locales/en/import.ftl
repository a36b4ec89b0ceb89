# Why a paper-ballot file was refused (the card adds the file and line).
import-empty = the file is empty
import-no-ballots = the file has no ballots
import-too-large = the file is too large ({ $megabytes } MB; at most 16 MB)
import-not-utf8 = the file is not UTF-8 text
import-unsupported = unsupported file type “{ $extension }” (expected .csv, .soc, .soi, .toc or .toi)
import-io = cannot read the file: { $message }
import-missing-header = the file has no “# { $what }” line
import-unknown-alternative = unknown alternative “{ $name }”
import-ambiguous-alternative = several alternatives of the vote are titled “{ $name }”
import-duplicate-alternative = the alternative “{ $name }” is named twice
import-duplicate-in-order = alternative { $alternative } appears twice in the order
import-bad-count = the count “{ $value }” is not a positive whole number
import-bad-cell = the cell “{ $value }” for “{ $alternative }” is not { $expected }
import-cell-rank = a rank (a whole number, 1 = best)
import-cell-approval = 1 (approved), 0 or blank
import-cell-score = a whole-number score or grade
import-too-few-columns = { $found } cells, but the header has { $expected } columns
import-too-many-columns = { $found } cells, but the header has only { $expected } columns
import-not-strict = a tie, but a .{ $type } file holds strict orders only
import-incomplete = the order leaves out { $missing } { $missing ->
    [one] alternative
   *[other] alternatives
  }, but a .{ $type } file holds complete orders only
import-not-ranked = a PrefLib file holds rankings, which this method cannot count; use a CSV file
import-inconsistent = a ballot refers to alternative #{ $id }, which the file does not name
import-unclosed-quote = a quoted cell is never closed
import-text-after-quote = text after the closing quote of a cell
import-no-alternatives = the header names no alternatives
import-unnamed-column = column { $column } has no name
import-not-whole-number = { $what } “{ $value }” is not a whole number
import-count-alternatives = the number of alternatives
import-count-voters = the number of voters
import-count-unique-orders = the number of unique orders
import-count-alternative-number = the alternative number
import-given-twice = “# { $key }” is given twice
import-not-ordinal = data type “{ $value }” is not an ordinal type (soc, soi, toc, toi)
import-zero-alternatives = the number of alternatives is zero
import-type-mismatch = the data type is { $found }, but the file is named .{ $named }
import-out-of-range = alternative { $alternative } is not in 1…{ $count }
import-named-twice = alternative { $alternative } is named twice
import-empty-name = alternative { $alternative } has an empty name
import-order-line-shape = an order line must read “count: order”
import-voters-mismatch = { $declared } voters declared, but the orders count { $counted }
import-unique-orders-mismatch = { $declared } unique orders declared, but the file has { $found }
import-unclosed-tie = a tie “{"{"}” is never closed
import-empty-place = an empty place in the order
import-not-alternative-number = “{ $item }” is not an alternative number
import-unexpected = unexpected “{ $text }” in the order

# Why a vote cannot be counted.
tally-bad-settings = the settings of “{ $method }” cannot be used: { $reason }
tally-no-dots = each participant needs at least one dot
tally-zero-cap = a cap of zero dots per alternative allows no vote
tally-score-range = the lowest score ({ $min }) must be below the highest ({ $max })
tally-too-few-grades = at least two grades are needed, there { $grades ->
    [one] is { $grades }
   *[other] are { $grades }
  }
tally-no-criteria = there are no criteria
tally-too-many-alternatives = { $count } alternatives; a ranked method counts at most 1,000
tally-criterion-twice = goal #{ $goal } is a criterion twice
tally-zero-weights = every criterion has weight zero
tally-impossible-threshold = a threshold of { $percent }% of the votes cast can never be met
