"""The demo kabupaten Tanjung Harapan: `story.seed_demo` writes it, drawing the people from `plan`
(names in `names`), their SKPs from `skp` (texts in `skp_data`), the periods from `assessments`
(texts in `assessment_data`, files from `evidence`) and the reviews, annual results and keberatan
from `reviews` (texts in `review_data`), the early year end from `year_end`."""
