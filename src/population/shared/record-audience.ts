/**
 * Who a module's part of the 心理档案 is being composed for: `staff` (clinical staff in scope, reading a worker's
 * record) or `self` (the worker reading their own). Each module decides what the audience may see.
 */
export type RecordAudience = 'staff' | 'self';
