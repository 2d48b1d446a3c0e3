-- The name of the person whose approved hours wait for a currency, asked of identity when the hours
-- arrive (before the consumer's transaction): the currency created later opens their account with it
-- in its own transaction, which asks no other service. Hours that waited before this column have
-- none (null): the currency's configuration asks identity for those names before its transaction.
alter table unpaid_hours add column person_name text;
