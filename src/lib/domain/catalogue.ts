/** Words the plan offers to choose from: the client's goals, complaints and techniques. */

/** The benefits clients come for (DOMAIN.md). */
export const GOALS = [
	'Less muscle tension',
	'Better circulation',
	'Lymphatic stimulation',
	'Less stress',
	'Relaxation',
	'Joint mobility and flexibility',
	'Skin tone',
	'Recovery from a soft-tissue injury',
	'Mental alertness',
	'Less anxiety and low mood',
	'Conditioning before a sport event',
	'Recovery after a sport event'
] as const;

/** What the client reports; recorded as their words, never as the app's diagnosis. */
export const COMPLAINTS = [
	'Muscular aches and stiffness',
	'Whiplash',
	'Arthritis',
	'Spondylitis',
	'Fibrositis',
	'Strain from physical exertion',
	'Sport injury',
	'Dance injury',
	'Ligament sprain or tear',
	'Postural tension'
] as const;

export const CRANIOSACRAL = 'CranioSacral therapy';

export const TECHNIQUES = [
	'Remedial massage',
	'Deep tissue',
	'Trigger point therapy',
	'Myofascial release',
	'Stretching',
	'Relaxation massage',
	'Sports massage',
	'Lymphatic drainage',
	CRANIOSACRAL
] as const;
