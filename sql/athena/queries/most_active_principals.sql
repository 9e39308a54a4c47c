-- The most active principals: events, errors and distinct calls per principal.
-- Counts every event: the rows of late arrivals (late = true) are summed with the others.
-- Parameters: first day, last day (YYYY-MM-DD).
SELECT
  account_id,
  principal,
  MAX(user_name) AS user_name,
  MAX(identity_type) AS identity_type,
  SUM(event_count) AS events,
  SUM(error_count) AS errors
FROM user_activity
WHERE dt BETWEEN ? AND ?
GROUP BY account_id, principal
ORDER BY events DESC, account_id, principal
LIMIT 20;
