// The platform's calendar (dates, months, ISO weeks in UTC), shared with the other services.
export * from '@e21/kit/calendar';
