-- Distinct clients per indicator × period × area at four levels, in one pass over the
-- extract.  Portable SQL (CTEs, GROUPING SETS, GROUPING(), BIT_OR, & on BIGINT) that runs
-- unchanged on DuckDB and PostgreSQL; see docs/scaling.md for Trino/Spark/BigQuery notes.
--
-- Relations (created by ilmio.stats.register.reference_tables):
--   register_extract         the extract (documented schema)
--   register_indicator_rules (indicator_id, service, age_group NULL = any)
--   register_indicators      (indicator_id, indicator_code)
--   register_areas           (municipality_code, county_code, cooperation_area_code,
--                            area_id)  area_id: a small integer key for per-person work
--   register_periods         (period_id, period_code, quarter_mask)  a period is a set
--                            of calendar quarters (bit q = q-th quarter of the window)
--   register_window          (first_date, last_date, bits_all)
--   register_calendar        (day, bits_before, bits_through)  per day of the window:
--                            the bits of the quarters before / up to its own
--
-- Why it is shaped like this: an episode becomes a bit mask of the quarters it
-- touches; masks are OR-ed per person, so "was a client in period P" is
-- mask & P.quarter_mask <> 0.  The one large step is a single aggregation per
-- (indicator, person) — the lowest and highest municipality and the OR of the masks.
-- Most people are clients in one municipality only (lowest = highest); their counts add
-- up the hierarchy exactly.  The few who were clients in several municipalities are
-- de-duplicated per level separately, so a county counts such a person once, not once
-- per municipality.
WITH episodes AS (
    SELECT
        r.indicator_id,
        e.person_id,
        ar.area_id,
        -- the quarters the episode touches, as a bit mask: (bits up to and including
        -- the end quarter) - (bits before the start quarter).  Days come from a calendar
        -- lookup (an equi-join is far cheaper than date arithmetic per row); a day
        -- outside the window (or no end) clamps to the window's first/last quarter.
        COALESCE(ce.bits_through, w.bits_all) - COALESCE(cs.bits_before, 0) AS mask
    FROM register_extract AS e
    JOIN register_areas AS ar ON ar.municipality_code = e.municipality_code
    JOIN register_indicator_rules AS r
        ON r.service = e.service AND (r.age_group IS NULL OR r.age_group = e.age_group)
    CROSS JOIN register_window AS w
    LEFT JOIN register_calendar AS cs ON cs.day = e.start_date
    LEFT JOIN register_calendar AS ce ON ce.day = e.end_date
    WHERE e.start_date <= w.last_date
        AND (e.end_date IS NULL OR (e.end_date >= w.first_date AND e.end_date >= e.start_date))
),
per_person AS (
    -- one row per client of an indicator: the quarters they were a client in, and the
    -- lowest and highest municipality (equal for the great majority: one municipality)
    SELECT indicator_id, person_id, MIN(area_id) AS m_lo, MAX(area_id) AS m_hi,
        BIT_OR(mask) AS mask
    FROM episodes
    GROUP BY indicator_id, person_id
),
single_masks AS (
    -- clients of one municipality: count them per distinct quarter mask (few masks)
    SELECT indicator_id, m_lo AS area_id, mask, COUNT(*) AS n
    FROM per_person
    WHERE m_lo = m_hi
    GROUP BY indicator_id, m_lo, mask
),
movers AS (
    -- the episodes of clients of several municipalities, with their areas
    SELECT ep.indicator_id, ep.person_id, a.municipality_code, a.county_code,
        a.cooperation_area_code, ep.mask
    FROM episodes AS ep
    JOIN per_person AS p
        ON p.indicator_id = ep.indicator_id AND p.person_id = ep.person_id AND p.m_lo <> p.m_hi
    JOIN register_areas AS a ON a.area_id = ep.area_id
),
mover_levels AS (
    SELECT
        indicator_id,
        municipality_code,
        county_code,
        cooperation_area_code,
        GROUPING(municipality_code) AS g_m,
        GROUPING(county_code) AS g_c,
        GROUPING(cooperation_area_code) AS g_y,
        BIT_OR(mask) AS mask
    FROM movers
    GROUP BY GROUPING SETS (
        (indicator_id, person_id, municipality_code),
        (indicator_id, person_id, county_code),
        (indicator_id, person_id, cooperation_area_code),
        (indicator_id, person_id)
    )
),
level_masks AS (
    SELECT indicator_id, g_m, g_c, g_y, municipality_code, county_code,
        cooperation_area_code, mask, COUNT(*) AS n
    FROM mover_levels
    GROUP BY indicator_id, g_m, g_c, g_y, municipality_code, county_code,
        cooperation_area_code, mask
    UNION ALL
    SELECT
        s.indicator_id,
        GROUPING(a.municipality_code),
        GROUPING(a.county_code),
        GROUPING(a.cooperation_area_code),
        a.municipality_code,
        a.county_code,
        a.cooperation_area_code,
        s.mask,
        SUM(s.n)
    FROM single_masks AS s
    JOIN register_areas AS a ON a.area_id = s.area_id
    GROUP BY GROUPING SETS (
        (s.indicator_id, s.mask, a.municipality_code),
        (s.indicator_id, s.mask, a.county_code),
        (s.indicator_id, s.mask, a.cooperation_area_code),
        (s.indicator_id, s.mask)
    )
)
SELECT
    i.indicator_code,
    CASE
        WHEN l.g_m = 0 THEN 'municipality'
        WHEN l.g_c = 0 THEN 'county'
        WHEN l.g_y = 0 THEN 'cooperation_area'
        ELSE 'country'
    END AS area_level,
    COALESCE(l.municipality_code, l.county_code, l.cooperation_area_code, 'FI') AS area_code,
    p.period_code AS period,
    SUM(l.n) AS value
FROM level_masks AS l
JOIN register_periods AS p ON (l.mask & p.quarter_mask) <> 0
JOIN register_indicators AS i ON i.indicator_id = l.indicator_id
GROUP BY i.indicator_code, l.g_m, l.g_c, l.g_y, l.municipality_code, l.county_code,
    l.cooperation_area_code, p.period_code
ORDER BY 1, 4, 2, 3
